import { readFileSync } from "node:fs";
import type { SeededCas } from "@pca/ccm-emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AuditService, createAuditService } from "../audit/audit-log";
import { createDbIdempotencyStore } from "../commands/idempotency-store";
import type { RecoverableCommand } from "../commands/recovery/attempt-ledger";
import {
  type RecoveryDeps,
  type RecoveryOptions,
  recoverInterruptedAttempts as recoverAll,
} from "../commands/recovery/recover-attempts";
import { createTestStorage, type TestStorage, testEngines } from "../storage/testing/test-storage";
import { FIXTURES_DIR } from "../testing/fixtures";
import { createUpstream } from "../upstream/create-upstream";
import type { Upstream } from "../upstream/port";
import { pkiReaders } from "./pki-readers";
import { issuanceRecovery } from "./recover-issuance";
import { makeCsr } from "./testing/make-csr";

const MINUTE = 60_000;
let upstream: Upstream;
let seeded: SeededCas;

beforeAll(async () => {
  const started = await createUpstream({ DATA_DIR: "unused" }, { emulatorDatabase: ":memory:" });
  if (!started.emulator?.seeded) throw new Error("the emulator did not seed its CAs");
  upstream = started;
  seeded = started.emulator.seeded;
});
afterAll(() => upstream.close());

describe.each(testEngines())("recoverInterruptedAttempts on %s", (engine) => {
  let storage: TestStorage;
  let audit: AuditService;
  /** The audit clock runs this far ahead of the real one; recovery runs 10 minutes ahead. */
  let offset = 0;
  let deps: RecoveryDeps;
  /** Recovery of the issuance command, as main.ts schedules it. */
  const recoverInterruptedAttempts = (d: RecoveryDeps, options: RecoveryOptions) =>
    recoverAll(d, [issuance()], options);
  const issuance = (): RecoverableCommand => ({
    action: "certificate.issue",
    recovery: issuanceRecovery({ ccm: upstream.ccm, readCertificate: pkiReaders.readCertificate }),
  });
  let n = 0;

  beforeEach(async () => {
    storage = await createTestStorage(engine);
    offset = 0;
    audit = createAuditService(storage, { now: () => Date.now() + offset });
    deps = {
      db: storage.kysely,
      audit,
      now: () => Date.now() + 10 * MINUTE,
    };
  });
  afterEach(() => storage.close());

  const spkiOf = async (pem: string) => {
    const read = await pkiReaders.readCsr(pem);
    if (!read.ok) throw new Error(read.error.message);
    return read.value.preview.fingerprints.spkiSha256;
  };
  /** A `requested` event as issue-certificate writes it, and an in-flight key pointing at it. */
  const requested = async (pem: string, options: { kind?: string; key?: boolean; issuer?: string } = {}) => {
    const attempt = `attempt-${++n}`;
    const issuerId = options.issuer ?? seeded.issuingCaId;
    await audit.append({
      actor: "ivan",
      role: "issuer",
      action: "certificate.issue.requested",
      target: issuerId,
      outcome: "success",
      requestId: `req-${n}`,
      details: {
        attempt,
        via: "session",
        issuer_id: issuerId,
        type: options.kind ?? "ENTITY_CERT",
        not_before: 1,
        not_after: 2,
        spki_sha256: await spkiOf(pem),
      },
    });
    if (options.key !== false) {
      const store = createDbIdempotencyStore(storage.kysely);
      await store.claim({ actor: "ivan", key: `key-${attempt}`, requestHash: "h", attemptId: attempt }, 0);
    }
    return attempt;
  };
  const issue = async (pem: string) => {
    const created = await upstream.ccm.createCertificateByCsr({
      issuer_id: seeded.issuingCaId,
      csr: pem,
      validity: { type: "DAY", value: 1 },
    });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.certificate_id;
  };
  const eventsOf = async (attempt: string) =>
    (await audit.query({ limit: 100 })).events
      .filter((e) => e.details.attempt === attempt)
      .map((e) => `${e.action.replace("certificate.issue.", "")}${e.target ? `:${e.target}` : ""}`)
      .reverse();
  const key = (attempt: string) =>
    storage.kysely
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("key", "=", `key-${attempt}`)
      .executeTakeFirst();

  it("ok/an attempt CCM carried out is reconciled, its key completed with the certificate", async () => {
    const pem = makeCsr().pem;
    const attempt = await requested(pem);
    const id = await issue(pem);
    const report = await recoverInterruptedAttempts(deps, { olderThanMs: 5 * MINUTE });
    expect(report).toMatchObject({ open: 1, reconciled: 1, failed: 0, keysCompleted: 1 });
    expect(await eventsOf(attempt)).toEqual([`requested:${seeded.issuingCaId}`, `reconciled:${id}`]);
    const row = await key(attempt);
    expect(row?.state).toBe("done");
    expect(row?.status_code).toBe(201);
    expect(JSON.parse(row?.response_body ?? "{}")).toMatchObject({ certificate_id: id });
  });

  it("ok/an attempt CCM never saw is failed and its key released, so a retry issues", async () => {
    const attempt = await requested(makeCsr().pem);
    const report = await recoverInterruptedAttempts(deps, { olderThanMs: 5 * MINUTE });
    expect(report).toMatchObject({ open: 1, reconciled: 0, failed: 1, keysReleased: 1 });
    expect(await eventsOf(attempt)).toEqual([
      `requested:${seeded.issuingCaId}`,
      `failed:${seeded.issuingCaId}`,
    ]);
    expect(await key(attempt)).toBeUndefined();
  });

  it("ok/a key left in flight after its attempt ended gets that answer; a key with no attempt is released", async () => {
    const pem = makeCsr().pem;
    const attempt = await requested(pem);
    const id = await issue(pem);
    await audit.append({
      actor: "ivan",
      role: "issuer",
      action: "certificate.issue.succeeded",
      target: id,
      outcome: "success",
      requestId: "req",
      upstreamRequestId: "up-1",
      details: { attempt, certificate_id: id },
    });
    const store = createDbIdempotencyStore(storage.kysely);
    await store.claim(
      { actor: "ivan", key: "key-orphan", requestHash: "h", attemptId: "never-requested" },
      0,
    );
    const report = await recoverInterruptedAttempts(deps, { olderThanMs: 5 * MINUTE });
    expect(report).toMatchObject({ open: 0, keysCompleted: 1, keysReleased: 1 });
    expect(JSON.parse((await key(attempt))?.response_body ?? "{}")).toMatchObject({
      certificate_id: id,
      upstream_request_id: "up-1",
    });
    expect(await eventsOf(attempt)).toHaveLength(2);
  });

  it("ok/an INTERMEDIATE_CA cannot be matched: recorded unknown once, its key answers so", async () => {
    const csr = readFileSync(`${FIXTURES_DIR}/csr/intermediate-ca-request.pem`, "utf8");
    const attempt = await requested(csr, { kind: "INTERMEDIATE_CA", issuer: seeded.rootCaId });
    expect(await recoverInterruptedAttempts(deps, { olderThanMs: 5 * MINUTE })).toMatchObject({ unknown: 1 });
    expect(await recoverInterruptedAttempts(deps, { olderThanMs: 5 * MINUTE })).toMatchObject({ open: 0 });
    expect(await eventsOf(attempt)).toEqual([`requested:${seeded.rootCaId}`, `unknown:${seeded.rootCaId}`]);
    expect((await key(attempt))?.status_code).toBe(502);
  });

  it("ok/an attempt younger than the bound is left alone (it may be live on another replica)", async () => {
    offset = 8 * MINUTE;
    const attempt = await requested(makeCsr().pem);
    expect(await recoverInterruptedAttempts(deps, { olderThanMs: 5 * MINUTE })).toMatchObject({ open: 0 });
    expect(await eventsOf(attempt)).toHaveLength(1);
    expect((await key(attempt))?.state).toBe("in_flight");
  });

  it("ok/runs at once (two replicas starting) settle each attempt once; the chain verifies", async () => {
    const pems = Array.from({ length: 4 }, () => makeCsr().pem);
    const attempts = await Promise.all(pems.map((p) => requested(p)));
    await issue(pems[0] ?? "");
    await issue(pems[1] ?? "");
    const reports = await Promise.all(
      [1, 2, 3].map(() => recoverInterruptedAttempts(deps, { olderThanMs: 5 * MINUTE })),
    );
    const total = (k: "reconciled" | "failed") => reports.reduce((sum, r) => sum + r[k], 0);
    expect([total("reconciled"), total("failed")]).toEqual([2, 2]);
    for (const attempt of attempts) expect(await eventsOf(attempt)).toHaveLength(2);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 8 });
  });
});
