import type { CsrPreview, Extensions, LintFinding } from "@pca/contracts";

/** Language of lint messages in the readable output. */
export type Lang = "en" | "zh";

function extensionLines(e: Extensions): string[] {
  const crit = (c: boolean) => (c ? " (critical)" : "");
  const lines: string[] = [];
  if (e.subjectAltName) lines.push(`subjectAltName${crit(e.subjectAltName.critical)}`);
  if (e.keyUsage) lines.push(`keyUsage${crit(e.keyUsage.critical)}: ${e.keyUsage.values.join(", ")}`);
  if (e.extendedKeyUsage) {
    const values = e.extendedKeyUsage.values.map((v) => v.name ?? v.oid).join(", ");
    lines.push(`extendedKeyUsage${crit(e.extendedKeyUsage.critical)}: ${values}`);
  }
  if (e.basicConstraints) {
    const bc = e.basicConstraints;
    const path = bc.pathLength === null ? "" : `, pathlen ${bc.pathLength}`;
    lines.push(`basicConstraints${crit(bc.critical)}: CA:${bc.ca ? "TRUE" : "FALSE"}${path}`);
  }
  if (e.subjectKeyIdentifier) lines.push(`subjectKeyIdentifier: ${e.subjectKeyIdentifier.value}`);
  for (const o of e.other) lines.push(`${o.name ?? o.oid}${crit(o.critical)} (${o.length} bytes)`);
  return lines;
}

const row = (label: string, value: string): string => `${label.padEnd(16)}${value}`;
const more = (values: string[]): string[] => values.map((v) => row("", v));

/** The preview and its lint findings as text for a person at a terminal. */
export function formatPreview(p: CsrPreview, lint: LintFinding[], lang: Lang): string {
  const key = p.publicKey;
  const keyText =
    key.algorithm === "EC"
      ? `EC ${key.curve ?? "?"} (${key.size} bits)`
      : `${key.algorithm} ${key.size} bits`;
  const valid = p.signatureValid === null ? "not checked" : p.signatureValid ? "valid" : "INVALID";
  const sans = p.subjectAltNames.map((s) => `${s.type}:${s.value}`);
  const [firstExt = "(none)", ...restExt] = extensionLines(p.extensions);
  const [firstSan = "(none)", ...restSan] = sans;
  const attributes = p.attributes.map(
    (a) => `${a.name}: ${a.redacted ? "(present, value hidden)" : (a.value ?? "")}`,
  );
  const [firstAttr = "(none)", ...restAttr] = attributes;
  const lines = [
    row("Subject", p.subject === "" ? "(empty)" : p.subject),
    row("SANs", firstSan),
    ...more(restSan),
    row("Public key", keyText),
    row("Signature", `${p.signatureAlgorithm}, ${valid}`),
    row("Extensions", firstExt),
    ...more(restExt),
    row("Attributes", firstAttr),
    ...more(restAttr),
    row("SHA-256", p.fingerprints.sha256),
    row("SPKI SHA-256", p.fingerprints.spkiSha256),
    row("CCM wire form", `${p.lengths.wire} / ${p.lengths.wireLimit} characters`),
    "",
    lint.length === 0 ? "Lint: no findings" : "Lint:",
    ...lint.map((f) => `  ${f.severity.toUpperCase().padEnd(8)} ${f.id.padEnd(22)} ${f.message[lang]}`),
  ];
  return `${lines.join("\n")}\n`;
}
