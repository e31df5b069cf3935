import { finding, type LintRule } from "./rule";

const WEAK = new Set(["SHA-1", "MD5"]);

/** SHA-1 and MD5 signatures are collision-prone; CAs stopped accepting them years ago. */
export const signatureHashRule: LintRule = (p) => {
  const hash = p.signature.hash;
  if (hash === null || !WEAK.has(hash)) return [];
  return [
    finding(
      "weak-signature-hash",
      "warning",
      `The CSR is signed with ${hash}, which is no longer considered secure. Generate it again with SHA-256 (openssl req -sha256).`,
      `该 CSR 使用 ${hash} 签名，已不再安全。请使用 SHA-256 重新生成（openssl req -sha256）。`,
    ),
  ];
};
