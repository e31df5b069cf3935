import { finding, type LintRule } from "./rule";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** RFC 1035/5890 host name syntax, a leading `*.` wildcard allowed; ASCII only (see IDN rule). */
export function isValidDnsName(name: string): boolean {
  const host = name.startsWith("*.") ? name.slice(2) : name;
  if (host.length === 0 || name.length > 253 || host.endsWith(".")) return false;
  return host.split(".").every((label) => LABEL.test(label));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is exactly the range to test.
const NON_ASCII = /[^\x00-\x7f]/;

/** Malformed names are refused by CAs and never match; a non-punycode IDN never matches either. */
export const dnsNamesRule: LintRule = (p) => {
  const dns = p.subjectAltNames.filter((s) => s.type === "DNS").map((s) => s.value);
  const idn = dns.filter((name) => NON_ASCII.test(name));
  const malformed = dns.filter((name) => !NON_ASCII.test(name) && !isValidDnsName(name));
  const out = [];
  if (malformed.length > 0) {
    const list = malformed.slice(0, 5).join(", ");
    out.push(
      finding(
        "dns-name-malformed",
        "error",
        `Not valid DNS names: ${list}. Use letters, digits and hyphens in dot-separated labels of 1-63 characters; a wildcard only as the first label (*.example.com).`,
        `以下不是合法的 DNS 名称：${list}。只能使用字母、数字和连字符，每段 1-63 个字符，以点分隔；通配符只能作为第一段（*.example.com）。`,
      ),
    );
  }
  if (idn.length > 0) {
    const list = idn.slice(0, 5).join(", ");
    out.push(
      finding(
        "idn-not-punycode",
        "error",
        `Internationalised names must be written in punycode (xn--…): ${list}. Convert them (for example with idn2) and generate the CSR again.`,
        `国际化域名必须使用 punycode（xn--…）形式：${list}。请转换（例如使用 idn2）后重新生成 CSR。`,
      ),
    );
  }
  return out;
};
