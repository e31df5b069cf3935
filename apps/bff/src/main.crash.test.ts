import { randomUUID } from "node:crypto";
import { type RunningEmulator, startEmulator } from "@pca/ccm-emulator";
import { type AuditEvent, IssueCertificateResponseSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditService, createAuditService } from "./audit/audit-log";
import { runAuditCli } from "./audit/run-cli";
import { systemClock } from "./core/clock";
import { type BffProcess, cloudEnv, startBffProcess } from "./http/testing/bff-process";
import { ApiClient } from "./http/testing/client";
import { makeCsr } from "./issuance/testing/make-csr";
import { createTestStorage, type TestStorage, testEngines } from "./storage/testing/test-storage";

const PASSWORD = "crash test admin password 1";
const WORKERS = 12;
/** Issuances answered before the kill; CCM's latency keeps about WORKERS more in flight. */
const ANSWERED_BEFORE_KILL = 24;
const RECOVERY_AFTER_S = 2;
const HANGING = 3;

interface Sent {
  readonly key: string;
  readonly body: Record<string, unknown>;
  /** The 201's certificate id, "cut" when the connection died, or the error status. */
  outcome: string;
}

/**
 * kill -9 of the BFF (tsx src/main.ts, cloud mode against an emulator in this process, so CCM
 * survives) in the middle of concurrent issuances, then a restart on the same database.
 */
describe.each(testEngines())("a BFF killed mid-issuance on %s", (engine) => {
  let emulator: RunningEmulator;
  let storage: TestStorage;
  let audit: AuditService;
  let env: Record<string, string>;
  let bff: BffProcess | undefined;
  const sent: Sent[] = [];
  let inFlightAtKill = 0;
  let certificatesBefore = 0;

  const certificates = () => countCertificates(emulator);
  const issuanceEvents = async () => {
    const all: AuditEvent[] = [];
    for await (const e of audit.stream({})) if (e.action.startsWith("certificate.issue.")) all.push(e);
    return all;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, database: ":memory:" });
    storage = await createTestStorage(engine);
    audit = createAuditService(storage, systemClock);
    env = {
      ...cloudEnv(emulator, storage),
      CONSOLE_ADMIN_PASSWORD: PASSWORD,
      ISSUE_RATE_LIMIT_PER_MINUTE: "100000",
      ISSUE_RECOVERY_AFTER_SECONDS: String(RECOVERY_AFTER_S),
    };
    certificatesBefore = await certificates();
  });
  afterAll(async () => {
    await bff?.stop();
    await storage.close();
    await emulator.close();
  });

  it("ok/after the restart the chain verifies, every attempt is accounted for, no 201 lost, none issued twice", async () => {
    bff = await startBffProcess(env);
    const client = new ApiClient(bff.url);
    expect((await client.login("admin", PASSWORD)).status).toBe(200);
    const issuer = emulator.seeded?.issuingCaId ?? "";
    // CCM answers slowly, so issuances wait on it when the BFF dies: those it goes on to issue are
    // to be reconciled; the first HANGING it never answers, to be marked failed.
    emulator.faults.hang({ operation: "CreateCertificateByCsr", times: HANGING, ms: 60_000 });
    emulator.faults.latency(300, { operation: "CreateCertificateByCsr" });

    let answered = 0;
    let killing: Promise<void> | undefined;
    const worker = async () => {
      while (!killing) {
        const one: Sent = {
          key: `crash-${randomUUID()}`,
          body: { issuer_id: issuer, csr: makeCsr().pem, validity: { type: "DAY", value: 7 } },
          outcome: "cut",
        };
        sent.push(one);
        try {
          const res = await client.request("POST", "/api/certificates", {
            body: one.body,
            headers: { "Idempotency-Key": one.key },
          });
          one.outcome =
            res.status === 201
              ? IssueCertificateResponseSchema.parse(res.json).certificate_id
              : String(res.status);
          if (++answered === ANSWERED_BEFORE_KILL && bff) {
            inFlightAtKill = sent.filter((s) => s.outcome === "cut").length;
            killing = bff.crash();
          }
        } catch {
          one.outcome = "cut";
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await killing;
    emulator.faults.clear();

    const cut = sent.filter((s) => s.outcome === "cut");
    const seen = sent.filter((s) => /^[0-9a-f-]{36}$/.test(s.outcome));
    expect(cut.length).toBeGreaterThanOrEqual(HANGING);

    // Past the recovery bound, a new process on the same database reconciles at start.
    await new Promise((r) => setTimeout(r, RECOVERY_AFTER_S * 1000 + 200));
    bff = await startBffProcess(env);
    const settled = async () => {
      const events = await issuanceEvents();
      const count = (a: string) => events.filter((e) => e.action === `certificate.issue.${a}`).length;
      return {
        events,
        requested: count("requested"),
        ended: count("succeeded") + count("failed") + count("reconciled"),
      };
    };
    let state = await settled();
    for (let i = 0; i < 100 && state.requested !== state.ended; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await settled();
    }

    const lines: string[] = [];
    expect(await runAuditCli(["verify"], env, { out: (l) => lines.push(l), err: (l) => lines.push(l) })).toBe(
      0,
    );
    expect(lines.join("\n")).toMatch(/Audit chain valid/);
    expect(state.requested).toBe(state.ended);
    const byAttempt = new Map<unknown, string[]>();
    for (const e of state.events)
      byAttempt.set(e.details.attempt, [...(byAttempt.get(e.details.attempt) ?? []), e.action]);
    for (const actions of byAttempt.values()) {
      expect(actions.filter((a) => /succeeded|failed|reconciled/.test(a)).length).toBe(1);
    }
    const succeeded = new Set(
      state.events.filter((e) => e.action === "certificate.issue.succeeded").map((e) => e.target),
    );
    for (const s of seen) expect(succeeded.has(s.outcome)).toBe(true);
    const recovered = state.events.filter((e) => e.details.recovered === true);
    const reconciled = recovered.filter((e) => e.action === "certificate.issue.reconciled").length;
    expect(recovered.length - reconciled).toBeGreaterThanOrEqual(HANGING);

    // Each cut request retried with its key gets the real answer: the reconciled certificate, or an
    // issuance now (the key was released because nothing was issued).
    const retried = new ApiClient(bff.url);
    retried.cookie = client.cookie;
    retried.csrf = client.csrf;
    for (const s of cut) {
      const res = await retried.request("POST", "/api/certificates", {
        body: s.body,
        headers: { "Idempotency-Key": s.key },
      });
      expect(res.status).toBe(201);
      s.outcome = IssueCertificateResponseSchema.parse(res.json).certificate_id;
    }
    const ids = new Set(sent.map((s) => s.outcome));
    expect(ids.size).toBe(sent.length);
    expect(await certificates()).toBe(certificatesBefore + sent.length);
    console.info(
      `crash on ${engine}: ${sent.length} issuances, ${seen.length} answered 201 before the kill, ${inFlightAtKill} in flight when killed, ` +
        `${state.requested} requested events, ${recovered.length} recovered (${reconciled} reconciled, ${recovered.length - reconciled} failed), audit: ${lines[0]}`,
    );
  });
});

async function countCertificates(emulator: RunningEmulator): Promise<number> {
  const { createUpstream } = await import("./upstream/create-upstream");
  const { ak, sk, domainId } = emulator.credentials;
  const upstream = await createUpstream({
    DATA_DIR: "unused",
    CCM_ENDPOINT: emulator.url,
    HUAWEICLOUD_SDK_AK: ak,
    HUAWEICLOUD_SDK_SK: sk,
    HUAWEICLOUD_SDK_DOMAIN_ID: domainId,
  });
  try {
    const listed = await upstream.ccm.listCertificates({ limit: 0 });
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.total;
  } finally {
    await upstream.close();
  }
}
