/**
 * PEM as CCM puts it in JSON: lines separated by `\r\n`, no trailing newline (reference §1 and
 * the ExportCertificateAuthorityCsr example).
 */
export function toWirePem(pem: string): string {
  return pem.replace(/\r?\n/g, "\r\n").replace(/(\r\n)+$/, "");
}

/** Several PEM blocks joined the same way. */
export function joinWirePem(pems: readonly string[]): string {
  return pems.map(toWirePem).join("\r\n");
}
