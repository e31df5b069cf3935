import { type RunningEmulator, startEmulator } from "@pca/ccm-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../config";
import { createUpstream, upstreamMode } from "./create-upstream";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ database: ":memory:" });
});
afterAll(() => emulator.close());

describe("upstreamMode", () => {
  it.each([
    ["ok/nothing set → emulator", {}, "emulator"],
    ["ok/CCM_ENDPOINT → cloud", { CCM_ENDPOINT: "https://ccm.example.com" }, "cloud"],
    ["ok/CCM_REGION → cloud", { CCM_REGION: "cn-north-4" }, "cloud"],
  ] as const)("%s", (_name, config, want) => {
    expect(upstreamMode({ DATA_DIR: "data", ...config })).toBe(want);
  });
});

describe("createUpstream", () => {
  it("emulator mode: an in-process emulator on loopback, reached through the signed client", async () => {
    const upstream = await createUpstream({ DATA_DIR: "unused" }, { emulatorDatabase: ":memory:" });
    try {
      expect(upstream.mode).toBe("emulator");
      expect(upstream.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await upstream.ready()).toMatchObject({ ok: true, mode: "emulator" });
      const listed = await upstream.ccm.listCertificateAuthorities({ limit: 10 });
      expect(listed.ok && listed.value.total).toBe(4);
    } finally {
      await upstream.close();
    }
  });

  it("cloud mode with AK/SK and the account id (X-Domain-Id)", async () => {
    const { ak, sk, domainId } = emulator.credentials;
    const upstream = await createUpstream({
      DATA_DIR: "unused",
      CCM_ENDPOINT: emulator.url,
      HUAWEICLOUD_SDK_AK: ak,
      HUAWEICLOUD_SDK_SK: sk,
      HUAWEICLOUD_SDK_DOMAIN_ID: domainId,
    });
    try {
      expect(upstream.mode).toBe("cloud");
      expect(await upstream.ready()).toMatchObject({ ok: true, mode: "cloud" });
    } finally {
      await upstream.close();
    }
  });

  it("cloud mode with an IAM user's token", async () => {
    const user = emulator.iamUsers[0];
    if (!user) throw new Error("the emulator has no IAM user");
    const upstream = await createUpstream({
      DATA_DIR: "unused",
      CCM_ENDPOINT: emulator.url,
      HUAWEICLOUD_IAM_ENDPOINT: emulator.url,
      HUAWEICLOUD_IAM_DOMAIN_NAME: user.domainName,
      HUAWEICLOUD_IAM_USERNAME: user.name,
      HUAWEICLOUD_IAM_PASSWORD: user.password,
    });
    try {
      const listed = await upstream.ccm.listCertificateAuthorities({ limit: 1 });
      expect(listed.ok).toBe(true);
    } finally {
      await upstream.close();
    }
  });

  it("wrong secret key → UPSTREAM_AUTH_FAILED with CCM's gateway code, not ready", async () => {
    const upstream = await createUpstream({
      DATA_DIR: "unused",
      CCM_ENDPOINT: emulator.url,
      HUAWEICLOUD_SDK_AK: emulator.credentials.ak,
      HUAWEICLOUD_SDK_SK: "not-the-secret",
      HUAWEICLOUD_SDK_DOMAIN_ID: emulator.credentials.domainId,
    });
    try {
      const listed = await upstream.ccm.listCertificateAuthorities({});
      expect(listed).toMatchObject({
        ok: false,
        error: { code: "UPSTREAM_AUTH_FAILED", upstream: { status: 401, error_code: "APIGW.0301" } },
      });
      expect(JSON.stringify(listed)).not.toContain("not-the-secret");
      expect((await upstream.ready()).ok).toBe(false);
    } finally {
      await upstream.close();
    }
  });

  it("an endpoint nobody listens on → UPSTREAM_UNREACHABLE", async () => {
    const upstream = await createUpstream({
      DATA_DIR: "unused",
      CCM_ENDPOINT: "http://127.0.0.1:9",
      HUAWEICLOUD_SDK_AK: "ak",
      HUAWEICLOUD_SDK_SK: "sk",
    });
    try {
      const shown = await upstream.ccm.showCertificateAuthority("00000000-0000-4000-8000-000000000000");
      expect(shown).toMatchObject({ ok: false, error: { code: "UPSTREAM_UNREACHABLE" } });
    } finally {
      await upstream.close();
    }
  });

  it("cloud mode without credentials stops the start, naming the variables", async () => {
    await expect(createUpstream({ DATA_DIR: "unused", CCM_REGION: "cn-north-4" })).rejects.toThrow(
      ConfigError,
    );
    await expect(createUpstream({ DATA_DIR: "unused", CCM_REGION: "cn-north-4" })).rejects.toThrow(
      /HUAWEICLOUD_SDK_AK/,
    );
  });

  it("a region resolves to CCM's host", async () => {
    const upstream = await createUpstream({
      DATA_DIR: "unused",
      CCM_REGION: "cn-north-4",
      HUAWEICLOUD_SDK_AK: "ak",
      HUAWEICLOUD_SDK_SK: "sk",
    });
    expect(upstream.endpoint).toBe("https://ccm.cn-north-4.myhuaweicloud.com");
    await upstream.close();
  });
});
