import type { Agent } from "node:http";
import {
  API_ROUTES,
  ApiErrorBodySchema,
  IssueCertificateResponseSchema,
  type RouteContract,
} from "@pca/contracts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCsr } from "../../issuance/testing/make-csr";
import { createUpstream } from "../../upstream/create-upstream";
import type { Upstream } from "../../upstream/port";
import { edgeCases, type Json, withMarker } from "./edge-input";
import { certainlyInvalid } from "./edge-validity";
import { keepAliveAgent, rawRequest } from "./raw-request";
import { signedIn } from "./sign-in";
import { startTestApp, type TestApp } from "./test-app";
import { countUpstreamRequests } from "./upstream-counter";

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Cases per route: PCA_FUZZ_RUNS, else 2,000 (the full bar) in CI and under `npm test` /
 * `pnpm test` (which .ci/run uses, without setting CI), and 200 for a quick local Vitest run.
 */
const FULL = process.env.CI === "true" || process.env.npm_lifecycle_event === "test";
const RUNS = Number(process.env.PCA_FUZZ_RUNS ?? (FULL ? 2000 : 200));

interface Fixture {
  readonly app: TestApp;
  readonly upstream: Upstream;
  readonly agent: Agent;
  readonly secret: string;
  readonly upstreamRequests: () => number;
  readonly examples: Readonly<Record<string, Record<string, Json>>>;
  readonly realIds: Readonly<Record<string, readonly string[]>>;
}

async function setUp(): Promise<Fixture> {
  const upstream = await createUpstream(
    { DATA_DIR: "unused" },
    { emulatorDatabase: ":memory:", timeoutMs: 2000 },
  );
  const emulator = upstream.emulator;
  const seeded = emulator?.seeded;
  if (!emulator || !seeded) throw new Error("no in-process emulator with its seeded CAs");
  const app = await startTestApp("sqlite", {
    upstream,
    // warn: tens of thousands of request lines would only slow the run and the secrets check.
    env: { LOG_LEVEL: "warn", LOGIN_REQUESTS_PER_MINUTE: "100000", ISSUE_RATE_LIMIT_PER_MINUTE: "100000000" },
  });
  const admin = await signedIn(app, "fuzz-admin", "admin");
  await app.addUser("fuzz-target", "correct horse battery staple 1", "viewer");
  const token = async (name: string) =>
    (await admin.request("POST", "/api/tokens", { body: { name, role: "admin" } })).json as {
      token: { id: string };
      secret: string;
    };
  const { secret } = await token("fuzz");
  const victim = await token("fuzz-victim");
  const issue = { issuer_id: seeded.issuingCaId, csr: makeCsr().pem, validity: { type: "DAY", value: 30 } };
  const issued = await admin.request("POST", "/api/certificates", { body: issue });
  const { certificate_id } = IssueCertificateResponseSchema.parse(issued.json);
  return {
    app,
    upstream,
    agent: keepAliveAgent(),
    secret,
    upstreamRequests: countUpstreamRequests(emulator),
    examples: {
      "POST /api/session": { username: "fuzz-target", password: "not the password 1" },
      "POST /api/csr/preview": { csr: makeCsr({ cn: "fuzz.example.com" }).pem },
      "POST /api/certificates": { ...issue, csr: makeCsr({ cn: "fuzz.example.com" }).pem },
      "POST /api/users": { username: "fuzz-made", password: "a long enough password 1", role: "viewer" },
      "PATCH /api/users/:username": { role: "viewer", disabled: false },
      "POST /api/tokens": { name: "fuzz-made", role: "viewer" },
    },
    realIds: {
      caId: [seeded.issuingCaId, seeded.partnerCaId, seeded.rootCaId, seeded.legacyCaId],
      id: [certificate_id],
      username: ["fuzz-target"],
      tokenId: [victim.token.id],
    },
  };
}

/** The route groups, one app and one test file each, so Vitest runs them side by side. */
export type EdgeGroup = "session-users-tokens" | "csr-cas" | "certificates-audit";

/** Every route is in exactly one group. */
export function groupOf(route: RouteContract): EdgeGroup {
  if (route.path.startsWith("/api/cas") || route.path.startsWith("/api/csr")) return "csr-cas";
  if (route.path.startsWith("/api/certificates") || route.path.startsWith("/api/audit"))
    return "certificates-audit";
  return "session-users-tokens";
}

/**
 * Bad input at the edge, for one group of API_ROUTES: fast-check generated path ids,
 * query strings, headers and JSON (and not-JSON) bodies, sent raw over one keep-alive connection
 * with an admin API token (so every route is reached past authorization). Every answer is below
 * 500, a 4xx is the error envelope, input the contract refuses is answered 4xx without a request
 * to the upstream, and no 4xx carries the case's marker (an echo of the input) or the token. The
 * request id header is the one place a caller's value comes back on purpose (a plain token only).
 * PCA_FUZZ_STATS=1 prints the statuses seen per route.
 */
export function edgeFuzzSuite(group: EdgeGroup): void {
  describe(`edge fuzzing, ${group} routes (SQLite, in-process emulator)`, () => {
    let f: Fixture;
    let n = 0;
    const seen = new Map<string, Map<number, number>>();
    beforeAll(async () => {
      f = await setUp();
    });
    afterAll(async () => {
      if (process.env.PCA_FUZZ_STATS === "1") {
        for (const [key, statuses] of seen) console.log(key, JSON.stringify(Object.fromEntries(statuses)));
      }
      f.agent.destroy();
      await f.app.close();
      await f.upstream.close();
    });

    const routes = (API_ROUTES as readonly RouteContract[]).filter((r) => groupOf(r) === group);
    it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
      `%s: ${RUNS} cases, no 5xx, envelope, no upstream when invalid, no echo`,
      async (key, route) => {
        const cases = edgeCases(route, f.examples[key], f.realIds);
        const statuses = new Map<number, number>();
        seen.set(key, statuses);
        await fc.assert(
          fc.asyncProperty(cases, async (generated) => {
            n += 1;
            const marker = `zQ${n}Kx`;
            const c = withMarker(generated, marker);
            const path = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => c.params[name] ?? "x");
            const invalid = certainlyInvalid(route, c);
            const before = f.upstreamRequests();
            const res = await rawRequest(
              f.agent,
              f.app.url,
              route.method,
              c.query ? `${path}?${c.query}` : path,
              { authorization: `Bearer ${f.secret}`, ...c.headers },
              c.body,
            );
            const reached = f.upstreamRequests() - before;
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            expect(res.status, `${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
            expect(res.text).not.toContain(f.secret);
            if (invalid) {
              expect(
                res.status,
                `refused input must be a 4xx: ${res.text.slice(0, 200)}`,
              ).toBeGreaterThanOrEqual(400);
              expect(reached, "invalid input reached the upstream").toBe(0);
            }
            if (res.status >= 400) {
              const envelope = ApiErrorBodySchema.safeParse(parseJson(res.text));
              expect(envelope.success, `${res.status} without the envelope: ${res.text.slice(0, 200)}`).toBe(
                true,
              );
              const { "x-request-id": _id, ...headers } = res.headers;
              expect(
                `${JSON.stringify(headers)}\n${res.text}`,
                `the input was echoed: ${res.text.slice(0, 300)}`,
              ).not.toContain(marker);
            }
          }),
          { numRuns: RUNS },
        );
      },
      Math.max(60_000, RUNS * 100),
    );
  });
}
