import { type RunningEmulator, startEmulator } from "@pca/ccm-emulator";
import { ApiErrorBodySchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditService, createAuditService } from "./audit/audit-log";
import { UserStore } from "./auth/users";
import { systemClock } from "./core/clock";
import { type BffProcess, cloudEnv, startBffProcess } from "./http/testing/bff-process";
import { ApiClient } from "./http/testing/client";
import { TEST_PASSWORD } from "./http/testing/sign-in";
import { makeCsr } from "./issuance/testing/make-csr";
import { createTestStorage, type TestStorage, testEngines } from "./storage/testing/test-storage";

const LIMIT = 8;

/** The same signed-in client, pointed at another replica. */
function on(bff: BffProcess, client: ApiClient): ApiClient {
  const other = new ApiClient(bff.url);
  other.cookie = client.cookie;
  other.csrf = client.csrf;
  return other;
}

/** Two BFF processes (tsx src/main.ts) on one PostgreSQL database, in cloud mode against one emulator. */
describe.runIf(testEngines().includes("postgres"))("two BFF replicas on one PostgreSQL", () => {
  let emulator: RunningEmulator;
  let storage: TestStorage;
  let audit: AuditService;
  let a: BffProcess;
  let b: BffProcess;
  const issuer = () => emulator.seeded?.issuingCaId ?? "";
  const body = () => ({ issuer_id: issuer(), csr: makeCsr().pem, validity: { type: "DAY", value: 7 } });
  const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;
  const signIn = async (bff: BffProcess, name: string) => {
    const client = new ApiClient(bff.url);
    const res = await client.login(name, TEST_PASSWORD);
    if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status}`);
    return client;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, database: ":memory:" });
    storage = await createTestStorage("postgres");
    audit = createAuditService(storage, systemClock);
    const env = {
      ...cloudEnv(emulator, storage),
      CONSOLE_ADMIN_PASSWORD: TEST_PASSWORD,
      ISSUE_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    };
    // Both start at once: one migrates (the migrator's lock), one creates the first admin.
    [a, b] = await Promise.all([startBffProcess(env), startBffProcess(env)]);
    const users = new UserStore(storage.kysely, systemClock);
    for (const name of ["rita", "ivan1", "ivan2", "ivan3", "ivan4"])
      await users.create(name, TEST_PASSWORD, "issuer");
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await storage.close();
    await emulator.close();
  });

  it("ok/a session made on one works on the other; signing out on one ends it on both", async () => {
    const onA = await signIn(a, "admin");
    const onB = on(b, onA);
    expect((await onB.request("GET", "/api/session")).status).toBe(200);
    expect((await onB.request("DELETE", "/api/session")).status).toBeLessThan(300);
    const after = await onA.request("GET", "/api/session");
    expect(after.status).toBe(401);
    expect((await on(b, onA).request("GET", "/api/session")).status).toBe(401);
  });

  it("ok/the same Idempotency-Key sent to both at once issues exactly once", async () => {
    const onA = await signIn(a, "admin");
    const onB = on(b, onA);
    const before = await audit.query({ action: "certificate.issue.succeeded", limit: 1 });
    const latency = emulator.faults.latency(300, { operation: "CreateCertificateByCsr", times: 2 });
    const sameBody = body();
    const headers = { "Idempotency-Key": `replicas-${Date.now()}` };
    const [x, y] = await Promise.all([
      onA.request("POST", "/api/certificates", { body: sameBody, headers }),
      onB.request("POST", "/api/certificates", { body: sameBody, headers }),
    ]);
    // The rule counts the CreateCertificateByCsr requests that reached CCM.
    expect(emulator.faults.list().find((r) => r.id === latency)?.hits).toBe(1);
    emulator.faults.remove(latency);
    console.info(`replicas: the same Idempotency-Key on both at once → ${x.status} and ${y.status}`);
    const statuses = [x.status, y.status].sort();
    expect(statuses[0]).toBe(201);
    if (statuses[1] === 201) expect(x.json).toEqual(y.json);
    else expect(code((x.status === 409 ? x : y).json)).toBe("IDEMPOTENCY_KEY_IN_USE");
    const after = await audit.query({ action: "certificate.issue.succeeded", limit: 1 });
    expect(after.total).toBe(before.total + 1);
    const attempts = await audit.query({ action: "certificate.issue.requested", limit: 1 });
    expect(attempts.total).toBe(after.total);
  });

  it("ok/concurrent appends from both replicas keep one valid chain", async () => {
    const clients = await Promise.all(
      ["ivan1", "ivan2", "ivan3", "ivan4"].map((n, i) => signIn(i % 2 ? b : a, n)),
    );
    const before = (await audit.verify()).checked;
    const results = await Promise.all(
      clients.flatMap((c) =>
        [a, b, a, b].map((bff) => on(bff, c).request("POST", "/api/certificates", { body: body() })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(201));
    const status = await audit.verify();
    expect(status).toMatchObject({ ok: true });
    expect(status.checked).toBe(before + 32);
    console.info(`replicas: 16 concurrent issuances over both → ${status.checked} events, chain valid`);
  });

  it(`fail/the per-user issuance limit (${LIMIT}/min) is shared: the next request is 429 on either replica`, async () => {
    const rita = await signIn(a, "rita");
    for (let i = 0; i < LIMIT; i++) {
      const res = await on(i % 2 ? b : a, rita).request("POST", "/api/certificates", { body: body() });
      expect(res.status).toBe(201);
    }
    for (const bff of [a, b]) {
      const res = await on(bff, rita).request("POST", "/api/certificates", { body: body() });
      expect(res.status).toBe(429);
      expect(code(res.json)).toBe("RATE_LIMITED");
    }
  });
});
