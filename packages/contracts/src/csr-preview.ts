import { z } from "zod";

/**
 * What `@pca/pki` understood from a CSR or a certificate, shared by the SPA (local preview), the
 * BFF (`POST /api/csr/preview`, issuance) and the `csr` command's `--json` output. Every field is
 * read from the DER; nothing here is ever a private key or a challengePassword value.
 */

/** One attribute of a distinguished name, as encoded (DER order). */
export const NameAttributeSchema = z.object({
  oid: z.string(),
  /** RFC 4514 / OpenSSL short name (CN, O, ST...), or the dotted OID when there is none. */
  name: z.string(),
  /** The ASN.1 string type as Python cryptography names it: UTF8String, PrintableString, BMPString... */
  asn1Type: z.string(),
  value: z.string(),
});
export type NameAttribute = z.infer<typeof NameAttributeSchema>;

/** A relative distinguished name: usually one attribute, several for multi-valued RDNs (`a=1+b=2`). */
export const RdnSchema = z.array(NameAttributeSchema);
export type Rdn = z.infer<typeof RdnSchema>;

/** A distinguished name both ways: the RFC 4514 string and the RDNs in DER order. */
export const DistinguishedNameSchema = z.object({
  /** Same string as Python cryptography's `Name.rfc4514_string()`: last RDN first, UTF-8 kept. */
  rfc4514: z.string(),
  rdns: z.array(RdnSchema),
});
export type DistinguishedName = z.infer<typeof DistinguishedNameSchema>;

export const SAN_TYPES = ["DNS", "IP", "EMAIL", "URI", "UPN", "OTHER"] as const;
export const SanTypeSchema = z.enum(SAN_TYPES);

/**
 * One subject alternative name, in DER order. IP addresses are canonical (IPv6 per RFC 5952);
 * UPN is the otherName 1.3.6.1.4.1.311.20.2.3; OTHER keeps its OID (otherName type-id or
 * registeredID) and shows a directoryName as RFC 4514 text, anything else as hex.
 */
export const SubjectAltNameSchema = z.object({
  type: SanTypeSchema,
  value: z.string(),
  oid: z.string().optional(),
});
export type SubjectAltName = z.infer<typeof SubjectAltNameSchema>;

export const KEY_ALGORITHMS = [
  "RSA",
  "RSA-PSS",
  "EC",
  "Ed25519",
  "Ed448",
  "X25519",
  "X448",
  "DSA",
  "OTHER",
] as const;
export const KeyAlgorithmSchema = z.enum(KEY_ALGORITHMS);
export type KeyAlgorithm = z.infer<typeof KeyAlgorithmSchema>;

/** The subject public key. `size` is in bits (RSA modulus, EC field, 256 for Ed25519, 456 for Ed448). */
export const PublicKeyInfoSchema = z.object({
  algorithm: KeyAlgorithmSchema,
  size: z.number().int().nonnegative(),
  /** EC only: P-256, P-384, P-521, secp256k1, brainpoolP256r1, SM2... or the curve OID when unnamed. */
  curve: z.string().optional(),
  curveOid: z.string().optional(),
  oid: z.string(),
});
export type PublicKeyInfo = z.infer<typeof PublicKeyInfoSchema>;

/** How a signature was made, beside its OpenSSL-style name in `signatureAlgorithm`. */
export const SignatureDetailsSchema = z.object({
  oid: z.string(),
  /** SHA-1, SHA-256..., MD5; null for EdDSA (no separate hash) or an unknown algorithm. */
  hash: z.string().nullable(),
  pss: z.object({ hash: z.string(), mgf1Hash: z.string(), saltLength: z.number().int() }).optional(),
});
export type SignatureDetails = z.infer<typeof SignatureDetailsSchema>;

export const ExtendedKeyUsageSchema = z.object({ oid: z.string(), name: z.string().optional() });

/** Extensions (requested, for a CSR), the well-known ones decoded and every other one by OID. */
export const ExtensionsSchema = z.object({
  subjectAltName: z.object({ critical: z.boolean() }).optional(),
  keyUsage: z.object({ critical: z.boolean(), values: z.array(z.string()) }).optional(),
  extendedKeyUsage: z.object({ critical: z.boolean(), values: z.array(ExtendedKeyUsageSchema) }).optional(),
  basicConstraints: z
    .object({ critical: z.boolean(), ca: z.boolean(), pathLength: z.number().int().nullable() })
    .optional(),
  subjectKeyIdentifier: z.object({ critical: z.boolean(), value: z.string() }).optional(),
  authorityKeyIdentifier: z
    .object({ critical: z.boolean(), keyIdentifier: z.string().nullable() })
    .optional(),
  /** Any other extension: its OID, a known name if there is one, its critical flag and DER length. */
  other: z.array(
    z.object({
      oid: z.string(),
      name: z.string().optional(),
      critical: z.boolean(),
      length: z.number().int(),
    }),
  ),
});
export type Extensions = z.infer<typeof ExtensionsSchema>;

/**
 * A CSR attribute other than extensionRequest. A challengePassword is shown as present with
 * `value: null` and `redacted: true`; its value never leaves the package.
 */
export const CsrAttributeSchema = z.object({
  oid: z.string(),
  name: z.string(),
  value: z.string().nullable(),
  redacted: z.boolean(),
});
export type CsrAttribute = z.infer<typeof CsrAttributeSchema>;

/** SHA-256 of the whole DER and of the SubjectPublicKeyInfo DER, lower-case hex. */
export const FingerprintsSchema = z.object({ sha256: z.string(), spkiSha256: z.string() });
export type Fingerprints = z.infer<typeof FingerprintsSchema>;

/** Lengths in characters of each text form, and whether CCM's 5120-character limit holds. */
export const CsrLengthsSchema = z.object({
  der: z.number().int(),
  /** PEM with LF newlines, no final newline. */
  pem: z.number().int(),
  /** The string CCM receives: PEM with CRLF newlines, no final newline (`toWire`). */
  wire: z.number().int(),
  wireLimit: z.number().int(),
  withinWireLimit: z.boolean(),
});
export type CsrLengths = z.infer<typeof CsrLengthsSchema>;

export const CSR_INPUT_FORMS = ["pem", "der", "base64"] as const;

/** The preview of a CSR: everything `previewCsr` reads from it. Lint findings are separate. */
export const CsrPreviewSchema = z.object({
  /** RFC 4514 string of the subject ("" when empty). */
  subject: z.string(),
  subjectRdns: z.array(RdnSchema),
  subjectAltNames: z.array(SubjectAltNameSchema),
  publicKey: PublicKeyInfoSchema,
  /** OpenSSL-style name: sha256WithRSAEncryption, ecdsa-with-SHA256, rsassaPss, ED25519... */
  signatureAlgorithm: z.string(),
  signature: SignatureDetailsSchema,
  /**
   * Whether the CSR's self-signature (proof of possession) verifies. null only where the crypto in
   * use cannot check this algorithm (a browser's WebCrypto and secp256k1, brainpool, Ed448, MD5);
   * the Node provider checks every key type the preview names.
   */
  signatureValid: z.boolean().nullable(),
  extensions: ExtensionsSchema,
  attributes: z.array(CsrAttributeSchema),
  fingerprints: FingerprintsSchema,
  lengths: CsrLengthsSchema,
  /** How the input was given: PEM (any newline form), raw DER, or bare base64. */
  inputForm: z.enum(CSR_INPUT_FORMS),
});
export type CsrPreview = z.infer<typeof CsrPreviewSchema>;

export const LINT_SEVERITIES = ["error", "warning", "info"] as const;

/** Stable ids of the lint rules; the SPA and scripts switch on these, never on message text. */
export const LINT_IDS = [
  "signature-invalid",
  "signature-unverified",
  "wire-too-long",
  "rsa-key-too-small",
  "weak-signature-hash",
  "key-type-not-in-ccm",
  "cn-not-in-sans",
  "no-sans",
  "empty-subject",
  "ca-requested",
  "dns-name-malformed",
  "idn-not-punycode",
  "too-many-sans",
  "challenge-password",
] as const;
export const LintIdSchema = z.enum(LINT_IDS);
export type LintId = z.infer<typeof LintIdSchema>;

/** One lint finding, with the same sentence in English and Simplified Chinese. */
export const LintFindingSchema = z.object({
  id: LintIdSchema,
  severity: z.enum(LINT_SEVERITIES),
  message: z.object({ en: z.string(), zh: z.string() }),
});
export type LintFinding = z.infer<typeof LintFindingSchema>;

/** The decoded view of an X.509 certificate (issued or CA), so nobody needs OpenSSL to read one. */
export const CertificatePreviewSchema = z.object({
  subject: z.string(),
  subjectRdns: z.array(RdnSchema),
  issuer: z.string(),
  issuerRdns: z.array(RdnSchema),
  /** Lower-case hex of the serial number's DER content (as OpenSSL prints it, without colons). */
  serialNumber: z.string(),
  version: z.number().int(),
  /** ISO 8601 UTC, and milliseconds since the epoch as the wire uses. */
  notBefore: z.string(),
  notAfter: z.string(),
  notBeforeMs: z.number().int(),
  notAfterMs: z.number().int(),
  subjectAltNames: z.array(SubjectAltNameSchema),
  publicKey: PublicKeyInfoSchema,
  signatureAlgorithm: z.string(),
  signature: SignatureDetailsSchema,
  extensions: ExtensionsSchema,
  /** True when subject and issuer are the same name (a root or another self-issued certificate). */
  selfIssued: z.boolean(),
  fingerprints: z.object({ sha256: z.string(), sha1: z.string(), spkiSha256: z.string() }),
});
export type CertificatePreview = z.infer<typeof CertificatePreviewSchema>;
