import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { HttpRequest, Transport, TransportResult } from "../http/transport";
import { createIamTokenProvider } from "./token-provider";

const login = { userName: "pca-operator", password: "S3cret-Passw0rd!", domainName: "example-account" };
const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2024, 0, 2, 3, 4, 5);

/** A fake IAM: answers logins with numbered tokens valid 24 hours from the fake clock. */
function fakeIam(clock: { now: number }, answer?: (n: number) => TransportResult | undefined) {
  const calls: HttpRequest[] = [];
  const transport: Transport = async (req) => {
    calls.push(req);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const custom = answer?.(calls.length);
    if (custom) return custom;
    const expiresAt = new Date(clock.now + 24 * HOUR).toISOString().replace("Z", "000Z");
    return {
      ok: true,
      response: {
        status: 201,
        headers: { "x-subject-token": `MIItoken-${calls.length}` },
        body: new TextEncoder().encode(
          JSON.stringify({ token: { expires_at: expiresAt, methods: ["password"] } }),
        ),
      },
    };
  };
  return { calls, transport };
}

describe("createIamTokenProvider", () => {
  it("ok/logs in with a domain-scoped password login and returns X-Subject-Token", async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const provider = createIamTokenProvider({ login, transport: iam.transport, now: () => clock.now });
    expect(await provider.getToken()).toEqual({ ok: true, value: "MIItoken-1" });
    const [req] = iam.calls;
    expect(req?.method).toBe("POST");
    expect(req?.url.href).toBe("https://iam.myhuaweicloud.com/v3/auth/tokens?nocatalog=true");
    expect(req?.headers["content-type"]).toBe("application/json;charset=utf8");
    expect(JSON.parse(new TextDecoder().decode(req?.body))).toEqual({
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: { name: login.userName, password: login.password, domain: { name: login.domainName } },
          },
        },
        scope: { domain: { name: login.domainName } },
      },
    });
  });

  it("ok/concurrent callers share one login, and the token is cached", async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const provider = createIamTokenProvider({ login, transport: iam.transport, now: () => clock.now });
    const results = await Promise.all(Array.from({ length: 20 }, () => provider.getToken()));
    expect(new Set(results.map((r) => r.ok && r.value))).toEqual(new Set(["MIItoken-1"]));
    clock.now += 22 * HOUR;
    expect(await provider.getToken()).toEqual({ ok: true, value: "MIItoken-1" });
    expect(iam.calls).toHaveLength(1);
  });

  it("ok/renews one hour before expiry", async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const provider = createIamTokenProvider({ login, transport: iam.transport, now: () => clock.now });
    await provider.getToken();
    clock.now = T0 + 23 * HOUR - 1;
    expect(await provider.getToken()).toEqual({ ok: true, value: "MIItoken-1" });
    clock.now = T0 + 23 * HOUR;
    expect(await provider.getToken()).toEqual({ ok: true, value: "MIItoken-2" });
  });

  it("ok/a failed renewal keeps serving the still-valid token; invalidate forces a login", async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock, (n) =>
      n === 2 ? { ok: false, kind: "timeout", cause: "TimeoutError" } : undefined,
    );
    const provider = createIamTokenProvider({ login, transport: iam.transport, now: () => clock.now });
    await provider.getToken();
    clock.now = T0 + 23.5 * HOUR;
    expect(await provider.getToken()).toEqual({ ok: true, value: "MIItoken-1" });
    provider.invalidate();
    expect(await provider.getToken()).toEqual({ ok: true, value: "MIItoken-3" });
  });

  it.each([
    [{ ok: true, response: { status: 401, headers: {}, body: new Uint8Array() } }, "UPSTREAM_AUTH_FAILED"],
    [{ ok: true, response: { status: 429, headers: {}, body: new Uint8Array() } }, "UPSTREAM_RATE_LIMITED"],
    [{ ok: true, response: { status: 500, headers: {}, body: new Uint8Array() } }, "UPSTREAM_ERROR"],
    [{ ok: true, response: { status: 201, headers: {}, body: new Uint8Array() } }, "UPSTREAM_BAD_RESPONSE"],
    [{ ok: false, kind: "unreachable", cause: "ENOTFOUND" }, "UPSTREAM_UNREACHABLE"],
    [{ ok: false, kind: "timeout", cause: "TimeoutError" }, "UPSTREAM_TIMEOUT"],
  ] as [TransportResult, string][])("fail/%o is %s and never shows the password", async (answer, code) => {
    const clock = { now: T0 };
    const iam = fakeIam(clock, () => answer);
    const provider = createIamTokenProvider({ login, transport: iam.transport, now: () => clock.now });
    const result = await provider.getToken();
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(JSON.stringify(result)).not.toContain(login.password);
  });

  it("secret/neither the password nor the token shows in the provider or its results", async () => {
    const clock = { now: T0 };
    const iam = fakeIam(clock);
    const provider = createIamTokenProvider({ login, transport: iam.transport, now: () => clock.now });
    await provider.getToken();
    const shown = `${inspect(provider, { depth: 10, showHidden: true })}${JSON.stringify(provider)}`;
    expect(shown).not.toContain(login.password);
    expect(shown).not.toContain("MIItoken");
  });
});
