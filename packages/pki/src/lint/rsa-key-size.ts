import { CCM_KEY_ALGORITHMS } from "@pca/contracts";
import { finding, type LintRule } from "./rule";

const accepted = CCM_KEY_ALGORITHMS.join(", ");

/** RSA under 2048 bits has been breakable-in-practice territory since NIST SP 800-131A. */
export const rsaKeySizeRule: LintRule = (p) => {
  const { algorithm, size } = p.publicKey;
  if ((algorithm !== "RSA" && algorithm !== "RSA-PSS") || size >= 2048) return [];
  return [
    finding(
      "rsa-key-too-small",
      "error",
      `The RSA key is ${size} bits; at least 2048 bits are required. Generate a new key pair of a type CCM accepts (${accepted}).`,
      `RSA 密钥只有 ${size} 位，至少需要 2048 位。请重新生成 CCM 支持的密钥对（${accepted}）。`,
    ),
  ];
};
