import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../emulator";
import { TOKEN_LIFETIME_MS } from "./iam";

let emu: RunningEmulator;
let now = Date.now();
const user = { domainName: "acme", name: "alice", password: "S3cret-pass" };

const login = (password = user.password, scope: object = { domain: { name: user.domainName } }) =>
  fetch(`${emu.url}/v3/auth/tokens?nocatalog=true`, {
    method: "POST",
    headers: { "content-type": "application/json;charset=utf8" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: user.name, password, domain: { name: user.domainName } } },
        },
        scope,
      },
    }),
  });
const withToken = (token: string) =>
  fetch(`${emu.url}/v1/private-certificate-authorities`, {
    headers: { "X-Auth-Token": token, "content-type": "application/json" },
  });

beforeAll(async () => {
  emu = await startEmulator({ iamUsers: [user], clock: { now: () => now } });
});
afterAll(() => emu.close());

describe("IAM password login and X-Auth-Token", () => {
  it("ok/201 with X-Subject-Token; the token opens PCA", async () => {
    const res = await login();
    expect(res.status).toBe(201);
    const token = res.headers.get("x-subject-token") ?? "";
    const body = (await res.json()) as { token: { expires_at: string; domain: { name: string } } };
    expect(body.token.domain.name).toBe("acme");
    expect(Date.parse(body.token.expires_at) - now).toBe(TOKEN_LIFETIME_MS);
    expect((await withToken(token)).status).toBe(200);
  });

  it("ok/a project-scoped token is accepted too [unverified choice]", async () => {
    const res = await login(user.password, { project: { name: "cn-north-4" } });
    expect((await withToken(res.headers.get("x-subject-token") ?? "")).status).toBe(200);
  });

  it("fail/wrong password → 401; malformed body → 400; foreign domain scope → 401", async () => {
    expect((await login("nope")).status).toBe(401);
    expect((await login(user.password, { domain: { name: "other" } })).status).toBe(401);
    const res = await fetch(`${emu.url}/v3/auth/tokens`, { method: "POST", body: "{}" });
    expect(res.status).toBe(400);
  });

  it("fail/unknown or expired token → 401 APIGW.0301", async () => {
    const unknown = await withToken("MIIbogus");
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error_code: "APIGW.0301" });
    const token = (await login()).headers.get("x-subject-token") ?? "";
    now += TOKEN_LIFETIME_MS + 1;
    expect((await withToken(token)).status).toBe(401);
  });
});
