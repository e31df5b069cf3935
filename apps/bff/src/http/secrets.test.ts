import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureFirstAdmin } from "../auth/first-admin";
import { UserStore } from "../auth/users";
import { testEngines } from "../storage/testing/test-storage";
import { ApiClient } from "./testing/client";
import { findLeaks } from "./testing/secrets-check";
import { startTestApp, type TestApp } from "./testing/test-app";
import { registerSecret } from "./testing/traffic";

const ADMIN_PASSWORD = "first admin password from env 7";
const USER_PASSWORD = "the second user's password 8";
const NEW_PASSWORD = "the second user's new password 9";
const SK = "SK-very-secret-0123456789abcdef";

describe.each(testEngines())("no secret in any response or log line, on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    for (const s of [ADMIN_PASSWORD, USER_PASSWORD, NEW_PASSWORD, SK]) registerSecret(s);
    app = await startTestApp(engine, {
      env: {
        LOG_LEVEL: "trace",
        CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        HUAWEICLOUD_SDK_AK: "AK123",
        HUAWEICLOUD_SDK_SK: SK,
      },
    });
    await ensureFirstAdmin(
      new UserStore(app.storage.kysely, app.clock),
      app.deps.config.CONSOLE_ADMIN_PASSWORD,
    );
  });
  afterAll(() => app.close());

  it("ok/a whole working session leaves no secret behind", async () => {
    const admin = new ApiClient(app.url);
    expect((await admin.login("admin", "not the password 123")).status).toBe(401);
    expect((await admin.login("admin", ADMIN_PASSWORD)).status).toBe(200);
    await admin.request("POST", "/api/users", {
      body: { username: "sam", password: USER_PASSWORD, role: "issuer" },
    });
    await admin.request("POST", "/api/users", {
      body: { username: "sam", password: USER_PASSWORD, role: "issuer" },
    });
    await admin.request("PATCH", "/api/users/sam", { body: { password: NEW_PASSWORD } });
    await admin.request("PATCH", "/api/users/sam", { body: { password: "short" } });
    const token = (await admin.request("POST", "/api/tokens", { body: { name: "ci", role: "viewer" } }))
      .json as {
      token: { id: string };
      secret: string;
    };
    const script = new ApiClient(app.url);
    script.bearer = token.secret;
    await script.request("GET", "/api/session");
    await script.request("GET", "/api/users");
    await admin.request("DELETE", `/api/tokens/${token.token.id}`);
    await script.request("GET", "/api/session");
    const sam = new ApiClient(app.url);
    await sam.login("sam", NEW_PASSWORD);
    await sam.request("POST", "/api/session", {
      raw: `{"username":"sam","password":"${NEW_PASSWORD}"`,
      headers: { "content-type": "application/json" },
    });
    await sam.request("POST", "/api/session", {
      body: { username: "sam", password: NEW_PASSWORD, extra: 1 },
    });
    await sam.request("DELETE", "/api/session", { noCsrf: true });
    await sam.request("GET", "/api/audit.csv");
    await admin.request("GET", "/api/audit.csv");
    await admin.request("GET", "/api/audit.json");
    await admin.request("DELETE", "/api/session");
    app.deps.logger.info({ config: app.deps.config }, "config as a careless caller might log it");

    const leaks = findLeaks(inject("pcaTrafficFile"), inject("pcaSecretsFile"));
    expect(leaks).toEqual([]);
    expect(app.logs.length).toBeGreaterThan(10);
    expect(app.logs.join("\n")).not.toContain(SK);
    expect(app.logs.join("\n")).not.toContain(ADMIN_PASSWORD);
  });

  it("ok/the logger redacts credentials wherever they sit", () => {
    app.deps.logger.info(
      {
        req: {
          headers: {
            authorization: "Bearer pca_fake-bearer-secret",
            cookie: "pca_session=cookie-secret-123",
          },
        },
        user: { password: "nested-password-xyz" },
        upstream: { sk: "nested-sk-xyz", challengePassword: "challenge-xyz" },
      },
      "redaction probe",
    );
    const line = app.logs.find((l) => l.includes("redaction probe")) ?? "";
    for (const secret of [
      "fake-bearer-secret",
      "cookie-secret-123",
      "nested-password-xyz",
      "nested-sk-xyz",
      "challenge-xyz",
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("[redacted]");
  });
});

describe("findLeaks", () => {
  it("fail/reports a recorded secret", () => {
    const dir = mkdtempSync(join(tmpdir(), "pca-leaks-"));
    writeFileSync(join(dir, "t"), `${JSON.stringify("GET / -> 200\n\nhello s3cr3t-value")}\n`);
    writeFileSync(join(dir, "s"), `${JSON.stringify("s3cr3t-value")}\n${JSON.stringify("absent-value")}\n`);
    expect(findLeaks(join(dir, "t"), join(dir, "s"))).toHaveLength(1);
  });
});
