import { CCM_KEY_ALGORITHMS, ccmKeyAlgorithmOf, type PublicKeyInfo } from "@pca/contracts";
import { finding, type LintRule } from "./rule";

const describe = (k: PublicKeyInfo): string =>
  k.algorithm === "EC"
    ? `EC ${k.curve ?? "?"}`
    : k.algorithm.startsWith("Ed")
      ? k.algorithm
      : `${k.algorithm} ${k.size}`;

const accepted = CCM_KEY_ALGORITHMS.join(", ");

/** Key types outside CCM's list (`CCM_LIMITS.keyAlgorithms`) may be refused by CCM. */
export const keyTypeRule: LintRule = (p) =>
  ccmKeyAlgorithmOf(p.publicKey) !== undefined
    ? []
    : [
        finding(
          "key-type-not-in-ccm",
          "warning",
          `CCM documents the key types ${accepted}; this CSR has ${describe(p.publicKey)}, which CCM may refuse.`,
          `CCM 文档支持的密钥类型为 ${accepted}；该 CSR 使用 ${describe(p.publicKey)}，可能被 CCM 拒绝。`,
        ),
      ];
