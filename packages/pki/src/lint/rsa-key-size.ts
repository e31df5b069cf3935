import { finding, type LintRule } from "./rule";

/** RSA under 2048 bits has been breakable-in-practice territory since NIST SP 800-131A. */
export const rsaKeySizeRule: LintRule = (p) => {
  const { algorithm, size } = p.publicKey;
  if ((algorithm !== "RSA" && algorithm !== "RSA-PSS") || size >= 2048) return [];
  return [
    finding(
      "rsa-key-too-small",
      "error",
      `The RSA key is ${size} bits; at least 2048 bits are required. Generate a new key pair (RSA 2048/4096 or EC P-256).`,
      `RSA 密钥只有 ${size} 位，至少需要 2048 位。请重新生成密钥对（RSA 2048/4096 或 EC P-256）。`,
    ),
  ];
};
