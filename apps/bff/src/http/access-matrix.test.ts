import { API_ROUTES, ApiErrorBodySchema, IssueCertificateResponseSchema } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCsr } from "../issuance/testing/make-csr";
import { type ResourceApp, startResourceApp } from "../resources/testing/resource-app";
import { testEngines } from "../storage/testing/test-storage";
import type { ApiClient } from "./testing/client";
import {
  createPrincipals,
  PRINCIPALS,
  type PrincipalName,
  type Principals,
  REFUSAL_CODES,
} from "./testing/principals";
import { signedIn } from "./testing/sign-in";
import { countUpstreamRequests } from "./testing/upstream-counter";

type ApiRoute = (typeof API_ROUTES)[number];
type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;
type RouteKey = KeyOf<ApiRoute>;
type Statuses = readonly [number, number, number, number, number, number, number, number];

interface Setup {
  readonly r: ResourceApp;
  readonly admin: ApiClient;
  readonly certificateId: string;
  readonly unique: () => string;
}
interface Call {
  readonly path: string;
  readonly body?: unknown;
}
interface Row {
  /** The expected status for each principal, in PRINCIPALS order. */
  readonly expect: Statuses;
  /** A valid request (real ids, a valid body), so an allowed caller gets the success status. */
  readonly call?: (s: Setup) => Promise<Call> | Call;
  /** The cell ends the caller's session (sign in replaces it, sign out ends it). */
  readonly endsSession?: true;
}

// Columns: anonymous, viewer, issuer, admin, revoked token, expired session, no CSRF, wrong CSRF.
const MATRIX = {
  "GET /healthz": { expect: [200, 200, 200, 200, 200, 200, 200, 200] },
  "GET /readyz": { expect: [200, 200, 200, 200, 200, 200, 200, 200] },
  "GET /metrics": { expect: [200, 200, 200, 200, 200, 200, 200, 200] },
  "POST /api/session": {
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    call: () => ({
      path: "/api/session",
      body: { username: "matrix-login", password: "correct horse battery staple 1" },
    }),
    endsSession: true,
  },
  "GET /api/session": { expect: [401, 200, 200, 200, 401, 401, 200, 200] },
  "DELETE /api/session": { expect: [401, 204, 204, 204, 401, 401, 403, 403], endsSession: true },
  "POST /api/csr/preview": {
    expect: [401, 200, 200, 200, 401, 401, 403, 403],
    call: () => ({ path: "/api/csr/preview", body: { csr: makeCsr({ cn: "preview.example.com" }).pem } }),
  },
  "GET /api/cas": { expect: [401, 200, 200, 200, 401, 401, 200, 200] },
  "GET /api/cas/:caId": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/cas/${s.r.seeded.issuingCaId}` }),
  },
  "GET /api/cas/:caId/csr": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/cas/${s.r.seeded.partnerCaId}/csr` }),
  },
  "GET /api/cas/:caId/csr.pem": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/cas/${s.r.seeded.partnerCaId}/csr.pem` }),
  },
  "GET /api/cas/:caId/certificate": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/cas/${s.r.seeded.issuingCaId}/certificate` }),
  },
  "GET /api/cas/:caId/certificate.pem": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/cas/${s.r.seeded.issuingCaId}/certificate.pem` }),
  },
  "GET /api/quotas/cas": { expect: [401, 200, 200, 200, 401, 401, 200, 200] },
  "POST /api/certificates": {
    expect: [401, 403, 201, 201, 401, 401, 403, 403],
    call: (s) => ({
      path: "/api/certificates",
      body: {
        issuer_id: s.r.seeded.issuingCaId,
        csr: makeCsr({ cn: "matrix.example.com", dns: ["matrix.example.com"] }).pem,
        validity: { type: "DAY", value: 30 },
      },
    }),
  },
  "GET /api/certificates": { expect: [401, 200, 200, 200, 401, 401, 200, 200] },
  "GET /api/certificates/:id": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/certificates/${s.certificateId}` }),
  },
  "GET /api/certificates/:id/pem": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/certificates/${s.certificateId}/pem` }),
  },
  "GET /api/certificates/:id/chain.pem": {
    expect: [401, 200, 200, 200, 401, 401, 200, 200],
    call: (s) => ({ path: `/api/certificates/${s.certificateId}/chain.pem` }),
  },
  "GET /api/audit": { expect: [401, 403, 403, 200, 401, 401, 200, 200] },
  "GET /api/audit.csv": { expect: [401, 403, 403, 200, 401, 401, 200, 200] },
  "GET /api/audit.json": { expect: [401, 403, 403, 200, 401, 401, 200, 200] },
  "GET /api/audit/verify": { expect: [401, 403, 403, 200, 401, 401, 200, 200] },
  "GET /api/users": { expect: [401, 403, 403, 200, 401, 401, 200, 200] },
  "POST /api/users": {
    expect: [401, 403, 403, 201, 401, 401, 403, 403],
    call: (s) => ({
      path: "/api/users",
      body: { username: `made-${s.unique()}`, password: "a long enough password 1", role: "viewer" },
    }),
  },
  "PATCH /api/users/:username": {
    expect: [401, 403, 403, 200, 401, 401, 403, 403],
    call: () => ({ path: "/api/users/matrix-login", body: { role: "viewer" } }),
  },
  "GET /api/tokens": { expect: [401, 403, 403, 200, 401, 401, 200, 200] },
  "POST /api/tokens": {
    expect: [401, 403, 403, 201, 401, 401, 403, 403],
    call: (s) => ({ path: "/api/tokens", body: { name: `t-${s.unique()}`, role: "viewer" } }),
  },
  "DELETE /api/tokens/:tokenId": {
    expect: [401, 403, 403, 204, 401, 401, 403, 403],
    call: async (s) => {
      const made = await s.admin.request("POST", "/api/tokens", {
        body: { name: `d-${s.unique()}`, role: "viewer" },
      });
      return { path: `/api/tokens/${(made.json as { token: { id: string } }).token.id}` };
    },
  },
  "GET /api/openapi.json": { expect: [200, 200, 200, 200, 200, 200, 200, 200] },
} as const satisfies Record<RouteKey, Row>;

const rows: Readonly<Record<string, Row>> = MATRIX;
const keyOf = (route: ApiRoute) => `${route.method} ${route.path}`;

it("the matrix has exactly one row per route of API_ROUTES", () => {
  expect(Object.keys(rows).sort()).toEqual(API_ROUTES.map(keyOf).sort());
});

/**
 * The authorization matrix: every route of API_ROUTES × the eight callers of PRINCIPALS, with
 * a valid request (real ids from the seeded emulator, a certificate issued in setup, valid bodies),
 * so each cell checks the success status as well as each refusal and its code. A refusal never
 * reaches the upstream. A route added to the contracts without a row fails the type check and the
 * test above.
 */
describe.each(testEngines())("authorization matrix on %s", (engine) => {
  let s: Setup;
  let principals: Principals;
  let upstreamRequests: () => number;
  let n = 0;

  beforeAll(async () => {
    const r = await startResourceApp({ engine });
    const admin = await signedIn(r.app, "matrix-admin", "admin");
    await r.app.addUser("matrix-login", "correct horse battery staple 1", "viewer");
    const issued = await r.issuer.request("POST", "/api/certificates", {
      body: { issuer_id: r.seeded.issuingCaId, csr: makeCsr().pem, validity: { type: "DAY", value: 30 } },
    });
    const { certificate_id } = IssueCertificateResponseSchema.parse(issued.json);
    s = { r, admin, certificateId: certificate_id, unique: () => `${engine}-${++n}` };
    principals = await createPrincipals(r.app);
    upstreamRequests = countUpstreamRequests(r.emulator);
  });
  afterAll(() => s.r.close());

  const cells = API_ROUTES.flatMap((route) =>
    PRINCIPALS.map((who, i) => [keyOf(route), who, rows[keyOf(route)]?.expect[i] ?? 0, route] as const),
  );
  it.each(cells)("%s as %s → %i", async (key, who: PrincipalName, status, route) => {
    const row = rows[key];
    if (!row) throw new Error(`no row for ${key}`);
    const call = row.call ? await row.call(s) : { path: route.path };
    const p = principals.get(who);
    const before = upstreamRequests();
    const res = await p.client.request(route.method, call.path, {
      ...(call.body === undefined ? {} : { body: call.body }),
      noCsrf: p.noCsrf,
      headers: p.headers,
    });
    if (row.endsSession) await principals.renew(who);
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    if (status >= 400) {
      const code = status === 401 || status === 403 ? REFUSAL_CODES[who][status] : undefined;
      expect(ApiErrorBodySchema.parse(res.json).error.code).toBe(code);
      expect(upstreamRequests(), "a refusal reached the upstream").toBe(before);
    } else if (route.response.kind === "json") {
      route.response.schema.parse(res.json);
    } else if (route.response.kind !== "empty") {
      expect(res.headers.get("content-type")).toContain(route.response.mediaType);
    }
  });
});
