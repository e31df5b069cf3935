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

/** DER as a PEM block with `\r\n` newlines (Buffer's base64 is much faster than btoa). */
export function derToWirePem(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join("\r\n");
}
