import type { PublicKeyInfo } from "@pca/contracts";
import { finding, type LintRule } from "./rule";

/** The key types CCM's PCA documents: RSA 2048/4096 and EC P-256/P-384. */
const documented = (k: PublicKeyInfo): boolean =>
  (k.algorithm === "RSA" && (k.size === 2048 || k.size === 4096)) ||
  (k.algorithm === "EC" && (k.curve === "P-256" || k.curve === "P-384"));

const describe = (k: PublicKeyInfo): string =>
  k.algorithm === "EC"
    ? `EC ${k.curve ?? "?"}`
    : k.algorithm.startsWith("Ed")
      ? k.algorithm
      : `${k.algorithm} ${k.size}`;

/** Other key types may be refused by CCM or give a certificate clients do not expect. */
export const keyTypeRule: LintRule = (p) =>
  documented(p.publicKey)
    ? []
    : [
        finding(
          "key-type-not-in-ccm",
          "warning",
          `CCM documents RSA 2048/4096 and EC P-256/P-384 keys; this CSR has ${describe(p.publicKey)}, which CCM may refuse.`,
          `CCM 文档支持的密钥为 RSA 2048/4096 和 EC P-256/P-384；该 CSR 使用 ${describe(p.publicKey)}，可能被 CCM 拒绝。`,
        ),
      ];
