import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUndiciTransport } from "../http/transport";
import { createIamTokenProvider } from "../iam/token-provider";
import { startTestServer } from "../testing/test-server";
import { createCcmClient } from "./ccm-client";

const caId = "4c0e772e-a30c-4029-b929-b7acb04143f7";
const password = "IamP@ssw0rd-never-logged";
let server: Awaited<ReturnType<typeof startTestServer>>;
const transport = createUndiciTransport();
let validToken = "";
let logins = 0;

beforeAll(async () => {
  server = await startTestServer({ ak: "unused", sk: "unused" });
  server.handle((req) => {
    if (req.path === "/v3/auth/tokens") {
      logins++;
      validToken = `MIItoken-${logins}`;
      return {
        status: 201,
        headers: { "x-subject-token": validToken },
        json: { token: { expires_at: new Date(Date.now() + 86_400_000).toISOString() } },
      };
    }
    if (req.headers["x-auth-token"] !== validToken) {
      return {
        status: 401,
        json: { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" },
      };
    }
    return {
      status: 200,
      json: { csr: "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----" },
    };
  });
});
afterAll(async () => {
  await transport.close();
  await server.close();
});

describe("CcmClient with IAM tokens", () => {
  it("ok/sends X-Auth-Token instead of a signature; a 401 makes the next call log in again", async () => {
    const provider = createIamTokenProvider({
      login: { userName: "operator", password, domainName: "acct" },
      endpoint: server.url,
      transport,
    });
    const client = createCcmClient({
      endpoint: { url: server.url },
      credentials: { kind: "token", provider },
      transport,
      retry: { maxAttempts: 1 },
    });
    expect((await client.exportCertificateAuthorityCsr(caId)).ok).toBe(true);
    expect((await client.exportCertificateAuthorityCsr(caId)).ok).toBe(true);
    expect(logins).toBe(1);
    const call = server.seen.find((r) => r.path.endsWith("/csr"));
    expect(call?.signature).toBe("unsigned");
    expect(call?.headers["x-auth-token"]).toBe("MIItoken-1");

    validToken = "revoked";
    const refused = await client.exportCertificateAuthorityCsr(caId);
    expect(refused).toMatchObject({ ok: false, error: { code: "UPSTREAM_AUTH_FAILED" } });
    expect(JSON.stringify(refused)).not.toContain("MIItoken");
    expect((await client.exportCertificateAuthorityCsr(caId)).ok).toBe(true);
    expect(logins).toBe(2);
  });

  it("fail/a failed login is the call's failure and nothing is sent to CCM", async () => {
    const before = server.seen.length;
    const provider = createIamTokenProvider({
      login: { userName: "operator", password, domainName: "acct" },
      endpoint: "http://127.0.0.1:1",
      transport,
    });
    const client = createCcmClient({
      endpoint: { url: server.url },
      credentials: { kind: "token", provider },
      transport,
    });
    const result = await client.showCertificateAuthority(caId);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "UPSTREAM_UNREACHABLE", details: { attempts: 0 } },
    });
    expect(JSON.stringify(result)).not.toContain(password);
    expect(server.seen.length).toBe(before);
  });
});
