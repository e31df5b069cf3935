import { readFileSync } from "node:fs";
import type { Faults } from "@pca/ccm-emulator";
import { ApiErrorBodySchema, type AuditEvent, IssueCertificateResponseSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCsr } from "../issuance/testing/make-csr";
import { type ResourceApp, startResourceApp } from "../resources/testing/resource-app";
import { FIXTURES_DIR } from "../testing/fixtures";

/** One upstream fault during POST /api/certificates and everything the console must do about it. */
interface FaultRow {
  readonly fault: string;
  /** Arms the fault for the next CreateCertificateByCsr (or changes the request so CCM refuses it). */
  readonly arm: (faults: Faults) => void;
  readonly csr?: () => string;
  readonly status: number;
  readonly code: string;
  /** The attempt's issuance events, in order. */
  readonly events: readonly string[];
  /** CCM's error_code carried by the `failed` event, when CCM sent one. */
  readonly errorCode?: string;
  /** Certificates CCM holds afterwards that it did not before (the first request). */
  readonly issued: 0 | 1;
  /** The same request again with the same Idempotency-Key, fault gone: the first answer replayed, or
   *  (when nothing happened for a passing reason and the key was released) issued now. */
  readonly retry: "replay" | "issues";
}

const op = { operation: "CreateCertificateByCsr", times: 1 } as const;
const REQ = "certificate.issue.requested";
const OK = "certificate.issue.succeeded";
const FAILED = "certificate.issue.failed";
const UNKNOWN = "certificate.issue.unknown";
const RECONCILED = "certificate.issue.reconciled";
/** The BFF's CCM deadline in this test; the hang outlasts it. */
const TIMEOUT_MS = 1000;

const ROWS: readonly FaultRow[] = [
  {
    fault: "added latency (300 ms, under the deadline)",
    arm: (f) => f.latency(300, op),
    status: 201,
    code: "-",
    events: [REQ, OK],
    issued: 1,
    retry: "replay",
  },
  {
    fault: "CCM 500",
    arm: (f) => f.error(500, op),
    status: 502,
    code: "UPSTREAM_ERROR",
    events: [REQ, FAILED],
    errorCode: "PCA.10010001",
    issued: 0,
    retry: "replay",
  },
  {
    fault: "CCM 503",
    arm: (f) => f.error(503, op),
    status: 502,
    code: "UPSTREAM_ERROR",
    events: [REQ, FAILED],
    errorCode: "PCA.10010001",
    issued: 0,
    retry: "replay",
  },
  {
    fault: "CCM 429 (throttled)",
    arm: (f) => f.error(429, op),
    status: 429,
    code: "UPSTREAM_RATE_LIMITED",
    events: [REQ, FAILED],
    errorCode: "PCA.10010001",
    issued: 0,
    retry: "issues",
  },
  {
    fault: "CCM 400 (refuses an Ed25519 key)",
    arm: () => undefined,
    csr: () => readFileSync(`${FIXTURES_DIR}/csr/ed25519-git.pem`, "utf8"),
    status: 422,
    code: "UPSTREAM_REJECTED",
    events: [REQ, FAILED],
    errorCode: "PCA.00020102",
    issued: 0,
    retry: "replay",
  },
  {
    fault: "connection reset before CCM handled it",
    arm: (f) => f.reset(op),
    status: 502,
    code: "UPSTREAM_OUTCOME_UNKNOWN",
    events: [REQ, UNKNOWN, FAILED],
    issued: 0,
    retry: "replay",
  },
  {
    fault: "connection reset after CCM issued",
    arm: (f) => f.failAfterHandling(op),
    status: 201,
    code: "-",
    events: [REQ, UNKNOWN, RECONCILED],
    issued: 1,
    retry: "replay",
  },
  {
    fault: `hang past the client timeout (${TIMEOUT_MS} ms)`,
    arm: (f) => f.hang({ ...op, ms: TIMEOUT_MS * 3 }),
    status: 502,
    code: "UPSTREAM_OUTCOME_UNKNOWN",
    events: [REQ, UNKNOWN, FAILED],
    issued: 0,
    retry: "replay",
  },
  {
    fault: "clock skew of 16 minutes",
    arm: (f) => f.clockSkew(16 * 60_000, op),
    status: 502,
    code: "UPSTREAM_AUTH_FAILED",
    events: [REQ, FAILED],
    errorCode: "APIGW.0301",
    issued: 0,
    retry: "issues",
  },
  {
    fault: "malformed 200 body (not JSON)",
    arm: (f) => f.malformed("non-json", op),
    status: 502,
    code: "UPSTREAM_OUTCOME_UNKNOWN",
    events: [REQ, UNKNOWN, FAILED],
    issued: 0,
    retry: "replay",
  },
  {
    fault: "malformed 200 body (wrong shape)",
    arm: (f) => f.malformed("wrong-shape", op),
    status: 502,
    code: "UPSTREAM_OUTCOME_UNKNOWN",
    events: [REQ, UNKNOWN, FAILED],
    issued: 0,
    retry: "replay",
  },
];

// SQLite only: the faults are CCM's, and the idempotency store and the audit log they exercise are
// tested on both engines by certificates.test.ts and idempotency-store.test.ts.
describe("POST /api/certificates under upstream faults", () => {
  const engine = "sqlite";
  let r: ResourceApp;
  beforeAll(async () => {
    r = await startResourceApp({ engine, timeoutMs: TIMEOUT_MS });
  });
  afterAll(() => r.close());

  const certificates = async () => {
    const listed = await r.upstream.ccm.listCertificates({ limit: 0 });
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.total;
  };
  /** The issuance events one HTTP request left, found by its X-Request-Id. */
  const eventsOf = async (requestId: string | null): Promise<AuditEvent[]> => {
    const recent = await r.app.deps.audit.query({ limit: 20 });
    return recent.events.filter(
      (e) => e.requestId === requestId && e.action.startsWith("certificate.issue."),
    );
  };
  const outcome = (res: { status: number; json: unknown }) =>
    res.status === 201 ? "-" : ApiErrorBodySchema.parse(res.json).error.code;

  it.each(ROWS.map((row) => [row.fault, row] as const))("%s", async (_fault, row) => {
    r.emulator.faults.clear();
    const body = {
      issuer_id: r.seeded.issuingCaId,
      csr: row.csr?.() ?? makeCsr({ cn: "fault.example.com" }).pem,
      validity: { type: "DAY", value: 30 },
    };
    const headers = { "Idempotency-Key": `fault-${engine}-${row.fault.replace(/\W+/g, "-")}` };
    const before = await certificates();
    row.arm(r.emulator.faults);

    const first = await r.issuer.request("POST", "/api/certificates", { body, headers });
    expect(first.status).toBe(row.status);
    expect(outcome(first)).toBe(row.code);
    if (row.status === 429) expect(Number(first.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const events = (await eventsOf(first.headers.get("x-request-id"))).reverse();
    expect(events.map((e) => e.action)).toEqual(row.events);
    expect(new Set(events.map((e) => e.details.attempt)).size).toBe(1);
    const failed = events.find((e) => e.action === FAILED);
    expect(failed?.details.error_code).toBe(row.errorCode);
    if (row.status === 201) {
      const id = IssueCertificateResponseSchema.parse(first.json).certificate_id;
      expect(events.at(-1)?.target).toBe(id);
    }
    expect(await certificates()).toBe(before + row.issued);

    r.emulator.faults.clear();
    const again = await r.issuer.request("POST", "/api/certificates", { body, headers });
    if (row.retry === "replay") {
      expect(again.status).toBe(first.status);
      expect(again.json).toEqual(first.json);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await certificates()).toBe(before + row.issued);
    } else {
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBeNull();
      expect(await certificates()).toBe(before + 1);
    }
  });
});
