import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "@pca/ccm-emulator";

const bffRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** `tsx src/main.ts` as its own process, as an operator would run it. */
export interface BffProcess {
  readonly url: string;
  readonly pid: number;
  /** Everything it wrote (stdout and stderr). */
  readonly output: string[];
  /** kill -9: no handler runs, nothing is flushed. Resolves when it has exited. */
  crash(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** The environment of a BFF in cloud mode against `emulator`, on the test's database. */
export function cloudEnv(
  emulator: RunningEmulator,
  db: { readonly url: string | undefined; readonly dataDir: string },
): Record<string, string> {
  const { ak, sk, domainId } = emulator.credentials;
  return {
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    DATA_DIR: db.dataDir,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    WEB_DIST: join(db.dataDir, "no-web"),
    CCM_ENDPOINT: emulator.url,
    HUAWEICLOUD_SDK_AK: ak,
    HUAWEICLOUD_SDK_SK: sk,
    HUAWEICLOUD_SDK_DOMAIN_ID: domainId,
    LOGIN_REQUESTS_PER_MINUTE: "100000",
  };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

/** Starts the BFF and resolves once it prints its URL (rejects if it exits or takes over 60 s). */
export function startBffProcess(env: Readonly<Record<string, string>>): Promise<BffProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: bffRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the BFF did not start in 60 s:\n${output.join("")}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the BFF exited with ${code}:\n${output.join("")}`));
    });
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      const url = /PCA Console listening on (\S+)/.exec(output.join(""))?.[1];
      if (!url || child.pid === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        url,
        pid: child.pid,
        output,
        crash: async () => {
          child.kill("SIGKILL");
          await exited(child);
        },
        stop: async () => {
          child.kill("SIGTERM");
          await exited(child);
        },
      });
    });
  });
}
