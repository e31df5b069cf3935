import { finding, type LintRule } from "./rule";

/** The CSR's self-signature is its proof of possession: invalid means anyone could have made it. */
export const signatureRule: LintRule = (p) => {
  if (p.signatureValid === false) {
    return [
      finding(
        "signature-invalid",
        "error",
        "The CSR's signature does not verify: it was altered after signing or is damaged. Generate the CSR again from its key.",
        "CSR 的签名验证失败：签名后内容被改动或文件已损坏。请用对应私钥重新生成 CSR。",
      ),
    ];
  }
  if (p.signatureValid === null) {
    return [
      finding(
        "signature-unverified",
        "warning",
        `This browser cannot check a ${p.signatureAlgorithm} signature; the server checks it when you submit.`,
        `当前浏览器无法校验 ${p.signatureAlgorithm} 签名；提交时服务器会再次校验。`,
      ),
    ];
  }
  return [];
};
