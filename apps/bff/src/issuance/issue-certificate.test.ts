import { readFileSync } from "node:fs";
import type { SeededCas } from "@pca/ccm-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryAudit } from "../commands/testing/memory-audit";
import type { Actor } from "../core/actor";
import { FIXTURES_DIR } from "../testing/fixtures";
import { createUpstream } from "../upstream/create-upstream";
import { type IssueDeps, issueCertificate } from "./issue-certificate";
import { pkiReaders } from "./pki-readers";
import { makeCsr } from "./testing/make-csr";

type Running = Awaited<ReturnType<typeof createUpstream>>;
let upstream: Running;
let seeded: SeededCas;
let audit: MemoryAudit;
let deps: IssueDeps;
const actor: Actor = { username: "alice", role: "issuer", via: "session" };
const YEAR = { type: "YEAR", value: 1 } as const;

const emulator = () => {
  if (!upstream.emulator) throw new Error("emulator mode expected");
  return upstream.emulator;
};
const issued = async () => {
  const listed = await upstream.ccm.listCertificates({ limit: 0 });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.total;
};
const issue = (body: Record<string, unknown>) =>
  issueCertificate(deps, { actor, requestId: "req-test", body: { validity: YEAR, ...body } });

beforeAll(async () => {
  upstream = await createUpstream({ DATA_DIR: "unused" }, { emulatorDatabase: ":memory:", timeoutMs: 1500 });
  const ids = emulator().seeded;
  if (!ids) throw new Error("the emulator did not seed its CAs");
  seeded = ids;
});
afterAll(async () => {
  await upstream.close();
});
beforeEach(() => {
  emulator().faults.clear();
  audit = new MemoryAudit();
  deps = { ...pkiReaders, ccm: upstream.ccm, audit, now: () => Date.now(), reconcileRetryMs: 50 };
});

describe("issueCertificate against the emulator", () => {
  it("issues an ENTITY_CERT and records requested → succeeded with CCM's request id", async () => {
    const result = await issue({ issuer_id: seeded.issuingCaId, csr: makeCsr().pem });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.type).toBe("ENTITY_CERT");
    expect(result.value.upstream_request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(audit.actions()).toEqual(["certificate.issue.requested", "certificate.issue.succeeded"]);
    const succeeded = audit.events[1];
    expect(succeeded?.target).toBe(result.value.certificate_id);
    expect(succeeded?.upstreamRequestId).toBe(result.value.upstream_request_id);
    expect(succeeded?.details.attempt).toBe(audit.events[0]?.details.attempt);
    const shown = await upstream.ccm.showCertificate(result.value.certificate_id);
    expect(shown.ok).toBe(true);
  });

  it("issues an INTERMEDIATE_CA with a path length from the root", async () => {
    const csr = readFileSync(`${FIXTURES_DIR}/csr/intermediate-ca-request.pem`, "utf8");
    const result = await issue({ issuer_id: seeded.rootCaId, csr, type: "INTERMEDIATE_CA", path_length: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const shown = await upstream.ccm.showCertificateAuthority(result.value.certificate_id);
    expect(shown.ok && shown.value.path_length).toBe(1);
  });

  it("sends the normalised wire CSR whatever form it was pasted in", async () => {
    const escaped = makeCsr().pem.replace(/\n/g, "\\r\\n");
    const result = await issue({ issuer_id: seeded.issuingCaId, csr: escaped });
    expect(result.ok).toBe(true);
  });

  const future = () => Date.now() + 60_000;
  it.each<[string, () => Record<string, unknown>, string]>([
    [
      "fail/schema validity 21 years",
      () => ({ validity: { type: "YEAR", value: 21 } }),
      "VALIDITY_OUT_OF_RANGE",
    ],
    ["fail/schema issuer id", () => ({ issuer_id: "nope" }), "INVALID_ID"],
    ["fail/csr not a CSR", () => ({ csr: "hello" }), "CSR_NOT_PEM"],
    ["fail/csr bad signature", () => ({ csr: makeCsr({ tamper: true }).pem }), "CSR_SIGNATURE_INVALID"],
    [
      "fail/issuer unknown",
      () => ({ issuer_id: "00000000-0000-4000-8000-000000000000" }),
      "ISSUER_NOT_FOUND",
    ],
    ["fail/issuer DISABLED", () => ({ issuer_id: seeded.legacyCaId }), "ISSUER_NOT_ACTIVE"],
    ["fail/issuer PENDING", () => ({ issuer_id: seeded.partnerCaId }), "ISSUER_NOT_ACTIVE"],
    [
      "fail/intermediate under a path-length-0 CA",
      () => ({ type: "INTERMEDIATE_CA", path_length: 0 }),
      "PATH_LENGTH_INVALID",
    ],
    ["fail/outlives the issuer", () => ({ validity: { type: "YEAR", value: 19 } }), "VALIDITY_BEYOND_ISSUER"],
    [
      "fail/start in the past",
      () => ({ validity: { type: "DAY", value: 1, start_from: Date.now() - 10 * 60_000 } }),
      "VALIDITY_START_IN_PAST",
    ],
    ["ok/start in the future", () => ({ validity: { type: "DAY", value: 1, start_from: future() } }), "ok"],
  ])("%s", async (_name, patch, want) => {
    const before = await issued();
    const result = await issue({ issuer_id: seeded.issuingCaId, csr: makeCsr().pem, ...patch() });
    expect(result.ok ? "ok" : result.error.code).toBe(want);
    if (want === "ok") return;
    expect(await issued()).toBe(before);
    expect(audit.actions()).toEqual(["certificate.issue.refused"]);
    expect(audit.events[0]?.details.code).toBe(want);
  });

  it("fails closed: no requested event, nothing sent upstream", async () => {
    const before = await issued();
    audit.failing = true;
    const result = await issue({ issuer_id: seeded.issuingCaId, csr: makeCsr().pem });
    expect(result).toMatchObject({ ok: false, final: false, error: { code: "AUDIT_UNAVAILABLE" } });
    expect(await issued()).toBe(before);
  });
});

// The CCM faults during CreateCertificateByCsr are one table over HTTP in
// routes/certificates-faults.test.ts; these are the cases that table does not reach.
describe("issueCertificate under upstream faults", () => {
  const op = { operation: "CreateCertificateByCsr" } as const;
  const run = () => issue({ issuer_id: seeded.issuingCaId, csr: makeCsr().pem });

  it("an INTERMEDIATE_CA of unknown outcome stays unknown (CCM lists no such CA to match)", async () => {
    emulator().faults.reset({ ...op, times: 1 });
    const csr = readFileSync(`${FIXTURES_DIR}/csr/intermediate-ca-request.pem`, "utf8");
    const result = await issue({ issuer_id: seeded.rootCaId, csr, type: "INTERMEDIATE_CA" });
    expect(result).toMatchObject({
      ok: false,
      stage: "unknown",
      error: { code: "UPSTREAM_OUTCOME_UNKNOWN", details: { outcome: "unknown" } },
    });
    expect(audit.actions()).toEqual(["certificate.issue.requested", "certificate.issue.unknown"]);
  });

  it("the issuer lookup unreachable → refused, not final (the key may retry)", async () => {
    emulator().faults.reset({ operation: "ShowCertificateAuthority", times: 3 });
    const result = await run();
    expect(result).toMatchObject({ ok: false, final: false, error: { code: "UPSTREAM_UNREACHABLE" } });
    expect(audit.actions()).toEqual(["certificate.issue.refused"]);
  });
});
