import { describe, expect, it } from "vitest";
import { CCM_KEY_ALGORITHMS, ccmKeyAlgorithmOf } from "./limits";

describe("ccmKeyAlgorithmOf", () => {
  it.each([
    [{ algorithm: "RSA", size: 2048 }, "RSA2048"],
    [{ algorithm: "RSA", size: 4096 }, "RSA4096"],
    [{ algorithm: "EC", size: 256, curve: "P-256" }, "EC256"],
    [{ algorithm: "EC", size: 384, curve: "P-384" }, "EC384"],
  ] as const)("ok/%j is %s", (key, name) => {
    expect(ccmKeyAlgorithmOf(key)).toBe(name);
  });

  it.each([
    { algorithm: "RSA", size: 3072 },
    { algorithm: "RSA", size: 1024 },
    { algorithm: "RSA-PSS", size: 2048 },
    { algorithm: "EC", size: 521, curve: "P-521" },
    { algorithm: "EC", size: 256, curve: "secp256k1" },
    { algorithm: "EC", size: 256, curve: "explicit" },
    { algorithm: "Ed25519", size: 256 },
  ])("fail/%j is not CCM's", (key) => {
    expect(ccmKeyAlgorithmOf(key)).toBeUndefined();
  });

  it("lists CCM's names in CCM's order", () => {
    expect(CCM_KEY_ALGORITHMS).toEqual(["RSA2048", "RSA4096", "EC256", "EC384"]);
  });
});
