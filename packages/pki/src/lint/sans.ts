import { CCM_LIMITS, type CsrPreview } from "@pca/contracts";
import { finding, type LintRule } from "./rule";

const isCaRequest = (p: CsrPreview): boolean => p.extensions.basicConstraints?.ca === true;

/** Browsers ignore the CN: a server certificate without SANs does not match any host name. */
export const noSansRule: LintRule = (p) =>
  p.subjectAltNames.length > 0
    ? []
    : [
        finding(
          "no-sans",
          isCaRequest(p) ? "info" : "warning",
          "The CSR requests no subject alternative names. Clients match host names against SANs only, so add them (or give them when issuing) unless this is a CA.",
          "该 CSR 未请求主题备用名称（SAN）。客户端只按 SAN 匹配主机名；除非是 CA，请添加 SAN（或在签发时指定）。",
        ),
      ];

/** CCM issues a limited number of subject alternative names per certificate. */
export const tooManySansRule: LintRule = (p) =>
  p.subjectAltNames.length <= CCM_LIMITS.sanMaxItems
    ? []
    : [
        finding(
          "too-many-sans",
          "error",
          `The CSR requests ${p.subjectAltNames.length} subject alternative names; CCM allows at most ${CCM_LIMITS.sanMaxItems}. Split them over several certificates.`,
          `该 CSR 请求了 ${p.subjectAltNames.length} 个主题备用名称，CCM 最多允许 ${CCM_LIMITS.sanMaxItems} 个。请拆分到多张证书。`,
        ),
      ];

/** A CN that is in no SAN is invisible to clients and usually a typo. */
export const cnInSansRule: LintRule = (p) => {
  if (p.subjectAltNames.length === 0) return [];
  const sans = new Set(p.subjectAltNames.map((s) => s.value.toLowerCase()));
  const missing = p.subjectRdns
    .flat()
    .filter((a) => a.name === "CN" && !sans.has(a.value.toLowerCase()))
    .map((a) => a.value);
  return missing.map((cn) =>
    finding(
      "cn-not-in-sans",
      "warning",
      `The common name "${cn}" is not among the subject alternative names; clients ignore the CN, so add it as a SAN if it is a host name.`,
      `通用名称 "${cn}" 不在主题备用名称中；客户端会忽略 CN，如它是主机名请加入 SAN。`,
    ),
  );
};
