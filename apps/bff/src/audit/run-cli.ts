import { loadConfig } from "../config";
import { systemClock } from "../core/clock";
import { openStorage } from "../storage/storage";
import { createAuditService } from "./audit-log";

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE =
  "Usage: pnpm run audit verify   (recomputes the audit hash chain; exit 0 valid, 1 broken, 2 error)";

/**
 * `pnpm run audit verify`: opens the configured database (DATABASE_URL or DATA_DIR, as the console
 * does), recomputes the chain and names the first broken link. Resolves the exit code: 0 valid,
 * 1 broken, 2 usage or database error.
 */
export async function runAuditCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliOutput,
): Promise<number> {
  if (argv[0] !== "verify" || argv.length > 1) {
    io.err(USAGE);
    return 2;
  }
  let storage: Awaited<ReturnType<typeof openStorage>> | undefined;
  try {
    const config = loadConfig(env);
    storage = await openStorage({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
    const status = await createAuditService(storage, systemClock).verify();
    if (status.ok) {
      io.out(`Audit chain valid: ${status.checked} events checked (${storage.dialect}).`);
      return 0;
    }
    io.out(`Audit chain BROKEN at event ${status.firstBrokenSeq}: ${status.reason}`);
    io.out(`${status.checked} events before it are intact.`);
    return 1;
  } catch (error) {
    io.err(`Could not verify the audit chain: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await storage?.close();
  }
}
