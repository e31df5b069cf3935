/** One BEGIN or END line of a PEM text. */
export interface PemBoundary {
  readonly label: string;
  readonly index: number;
  readonly end: number;
}

/** The BEGIN and END lines found in a text, in order. */
export interface PemScan {
  readonly begins: PemBoundary[];
  readonly ends: PemBoundary[];
}

function find(text: string, pattern: RegExp): PemBoundary[] {
  const found: PemBoundary[] = [];
  for (const m of text.matchAll(pattern)) {
    found.push({ label: (m[1] ?? "").trim(), index: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Finds PEM boundaries (RFC 7468); labels are limited to 64 characters of one line. */
export function scanPem(text: string): PemScan {
  return {
    begins: find(text, /-----BEGIN ([^\r\n-]{0,64})-----/g),
    ends: find(text, /-----END ([^\r\n-]{0,64})-----/g),
  };
}

/** True for any label of a private key: PKCS#8, encrypted PKCS#8, PKCS#1, SEC1, OpenSSH, DSA. */
export const isPrivateKeyLabel = (label: string): boolean => /PRIVATE KEY/i.test(label);

export const CSR_LABELS: ReadonlySet<string> = new Set(["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"]);
export const CERTIFICATE_LABELS: ReadonlySet<string> = new Set([
  "CERTIFICATE",
  "X509 CERTIFICATE",
  "TRUSTED CERTIFICATE",
]);
export const PUBLIC_KEY_LABELS: ReadonlySet<string> = new Set([
  "PUBLIC KEY",
  "RSA PUBLIC KEY",
  "EC PUBLIC KEY",
  "SSH2 PUBLIC KEY",
]);

/** A label safe to repeat in a message: a recognisable PEM type name, nothing else. */
export const printableLabel = (label: string): string =>
  /^[A-Z0-9 ]{1,40}$/.test(label) ? label : "an unknown type";
