import { finding, type LintRule } from "./rule";

/** A certificate with an empty subject is legal only with a critical SAN; many tools still choke. */
export const emptySubjectRule: LintRule = (p) =>
  p.subjectRdns.length > 0
    ? []
    : [
        finding(
          "empty-subject",
          "warning",
          "The subject is empty; the certificate will be identified by its subject alternative names only. Add at least a CN if clients need one.",
          "主题为空，证书只能通过主题备用名称识别。如客户端需要，请至少填写 CN。",
        ),
      ];
