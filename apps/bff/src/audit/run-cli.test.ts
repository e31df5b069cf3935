import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTestStorage, type TestStorage, testEngines } from "../storage/testing/test-storage";
import { createAuditService } from "./audit-log";
import { runAuditCli } from "./run-cli";

describe.each(testEngines())("pnpm run audit verify on %s", (engine) => {
  let storage: TestStorage;
  afterEach(() => storage.close());

  const run = async (argv: string[]) => {
    const lines: string[] = [];
    const env = { DATA_DIR: storage.dataDir, DATABASE_URL: storage.url };
    const code = await runAuditCli(argv, env, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    return { code, text: lines.join("\n") };
  };

  it("ok/exit 0 for a valid chain; exit 1 naming the first broken link after tampering", async () => {
    storage = await createTestStorage(engine);
    const audit = createAuditService(storage, { now: () => 1 });
    for (let i = 0; i < 4; i++) {
      await audit.append({
        actor: "a",
        role: "admin",
        action: "user.create",
        target: `u${i}`,
        outcome: "success",
        requestId: null,
      });
    }
    expect(await run(["verify"])).toEqual({ code: 0, text: expect.stringContaining("4 events checked") });
    await sql`drop trigger if exists audit_events_no_update`.execute(storage.kysely).catch(() => undefined);
    if (engine === "postgres")
      await sql`drop trigger audit_events_no_change on audit_events`.execute(storage.kysely);
    await storage.kysely
      .updateTable("audit_events")
      .set({ target: "someone-else" })
      .where("seq", "=", 2)
      .execute();
    const broken = await run(["verify"]);
    expect(broken.code).toBe(1);
    expect(broken.text).toContain("BROKEN at event 2");
  });

  it("fail/exit 2 for a wrong command", async () => {
    storage = await createTestStorage(engine);
    expect((await run(["fix"])).code).toBe(2);
  });
});
