import { finding, type LintRule } from "./rule";

/** CCM refuses a `csr` string (PEM with CRLF newlines) longer than `CCM_LIMITS.csrMaxLength`. */
export const wireLengthRule: LintRule = (p) =>
  p.lengths.withinWireLimit
    ? []
    : [
        finding(
          "wire-too-long",
          "error",
          `The CSR is ${p.lengths.wire} characters as CCM receives it; CCM accepts at most ${p.lengths.wireLimit}. Request fewer subject alternative names.`,
          `该 CSR 提交给 CCM 时长度为 ${p.lengths.wire} 个字符，CCM 最多接受 ${p.lengths.wireLimit} 个。请减少主题备用名称。`,
        ),
      ];
