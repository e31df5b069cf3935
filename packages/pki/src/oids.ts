/** Names for the object identifiers a CSR or certificate preview shows. One table per kind. */

/** Short names of distinguished-name attribute types (OpenSSL's, as the console shows them). */
export const NAME_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.17": "postalCode",
  "2.5.4.42": "GN",
  "2.5.4.43": "initials",
  "2.5.4.44": "generationQualifier",
  "2.5.4.46": "dnQualifier",
  "2.5.4.65": "pseudonym",
  "2.5.4.97": "organizationIdentifier",
  "0.9.2342.19200300.100.1.1": "UID",
  "0.9.2342.19200300.100.1.25": "DC",
  "1.2.840.113549.1.9.1": "emailAddress",
  "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL",
  "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST",
  "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
  "2.5.4.15": "businessCategory",
};

/**
 * The only attribute types Python cryptography's `rfc4514_string()` writes by name (RFC 4514
 * §3's list); every other type is written as its dotted OID, and so do we, to give the same string.
 */
export const RFC4514_NAMES: Readonly<Record<string, string>> = {
  "2.5.4.3": "CN",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.6": "C",
  "2.5.4.9": "STREET",
  "0.9.2342.19200300.100.1.25": "DC",
  "0.9.2342.19200300.100.1.1": "UID",
};

export const OID = {
  rsaEncryption: "1.2.840.113549.1.1.1",
  rsassaPss: "1.2.840.113549.1.1.10",
  mgf1: "1.2.840.113549.1.1.8",
  ecPublicKey: "1.2.840.10045.2.1",
  ed25519: "1.3.101.112",
  ed448: "1.3.101.113",
  x25519: "1.3.101.110",
  x448: "1.3.101.111",
  dsa: "1.2.840.10040.4.1",
  sha1: "1.3.14.3.2.26",
  extensionRequest: "1.2.840.113549.1.9.14",
  msExtensionRequest: "1.3.6.1.4.1.311.2.1.14",
  challengePassword: "1.2.840.113549.1.9.7",
  upn: "1.3.6.1.4.1.311.20.2.3",
  subjectAltName: "2.5.29.17",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  basicConstraints: "2.5.29.19",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
} as const;

/** Hash algorithm OIDs, named as WebCrypto names them. */
export const HASH_NAMES: Readonly<Record<string, string>> = {
  "1.2.840.113549.2.5": "MD5",
  "1.3.14.3.2.26": "SHA-1",
  "2.16.840.1.101.3.4.2.4": "SHA-224",
  "2.16.840.1.101.3.4.2.1": "SHA-256",
  "2.16.840.1.101.3.4.2.2": "SHA-384",
  "2.16.840.1.101.3.4.2.3": "SHA-512",
};

/** Signature algorithms: OpenSSL's long name and the hash each one uses. */
export const SIGNATURE_ALGORITHMS: Readonly<Record<string, { name: string; hash: string | null }>> = {
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "MD5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "SHA-1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "SHA-224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "SHA-256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "SHA-384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "SHA-512" },
  "1.2.840.113549.1.1.10": { name: "rsassaPss", hash: null },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "SHA-1" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "SHA-224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "SHA-256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "SHA-384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "SHA-512" },
  "1.3.101.112": { name: "ED25519", hash: null },
  "1.3.101.113": { name: "ED448", hash: null },
  "1.2.840.10040.4.3": { name: "dsaWithSHA1", hash: "SHA-1" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa_with_SHA256", hash: "SHA-256" },
  "1.2.156.10197.1.501": { name: "SM2-with-SM3", hash: "SM3" },
};

/** Named elliptic curves: the name the console shows and the field size in bits. */
export const CURVES: Readonly<Record<string, { name: string; size: number }>> = {
  "1.2.840.10045.3.1.1": { name: "P-192", size: 192 },
  "1.3.132.0.33": { name: "P-224", size: 224 },
  "1.2.840.10045.3.1.7": { name: "P-256", size: 256 },
  "1.3.132.0.34": { name: "P-384", size: 384 },
  "1.3.132.0.35": { name: "P-521", size: 521 },
  "1.3.132.0.10": { name: "secp256k1", size: 256 },
  "1.3.36.3.3.2.8.1.1.7": { name: "brainpoolP256r1", size: 256 },
  "1.3.36.3.3.2.8.1.1.11": { name: "brainpoolP384r1", size: 384 },
  "1.3.36.3.3.2.8.1.1.13": { name: "brainpoolP512r1", size: 512 },
  "1.2.156.10197.1.301": { name: "SM2", size: 256 },
};

/** Extended key usage purposes, by OpenSSL short name. */
export const EKU_NAMES: Readonly<Record<string, string>> = {
  "1.3.6.1.5.5.7.3.1": "serverAuth",
  "1.3.6.1.5.5.7.3.2": "clientAuth",
  "1.3.6.1.5.5.7.3.3": "codeSigning",
  "1.3.6.1.5.5.7.3.4": "emailProtection",
  "1.3.6.1.5.5.7.3.8": "timeStamping",
  "1.3.6.1.5.5.7.3.9": "OCSPSigning",
  "1.3.6.1.5.5.7.3.17": "ipsecIKE",
  "2.5.29.37.0": "anyExtendedKeyUsage",
  "1.3.6.1.4.1.311.20.2.2": "msSmartcardLogin",
  "1.3.6.1.5.2.3.5": "pkInitKDC",
};

/** Extensions shown by name when the preview does not decode them. */
export const EXTENSION_NAMES: Readonly<Record<string, string>> = {
  "2.5.29.17": "subjectAltName",
  "2.5.29.15": "keyUsage",
  "2.5.29.37": "extendedKeyUsage",
  "2.5.29.19": "basicConstraints",
  "2.5.29.14": "subjectKeyIdentifier",
  "2.5.29.35": "authorityKeyIdentifier",
  "2.5.29.30": "nameConstraints",
  "2.5.29.31": "cRLDistributionPoints",
  "2.5.29.32": "certificatePolicies",
  "2.5.29.36": "policyConstraints",
  "2.5.29.54": "inhibitAnyPolicy",
  "1.3.6.1.5.5.7.1.1": "authorityInfoAccess",
  "1.3.6.1.5.5.7.1.24": "tlsFeature",
  "1.3.6.1.4.1.11129.2.4.2": "ctPrecertificateScts",
  "1.3.6.1.4.1.311.20.2": "msCertificateTemplateName",
  "1.3.6.1.4.1.311.21.7": "msCertificateTemplate",
  "2.16.840.1.113730.1.1": "nsCertType",
};

/** CSR attribute types. */
export const CSR_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.9.7": "challengePassword",
  "1.2.840.113549.1.9.2": "unstructuredName",
  "1.2.840.113549.1.9.8": "unstructuredAddress",
  "1.2.840.113549.1.9.14": "extensionRequest",
  "1.3.6.1.4.1.311.13.2.3": "msOsVersion",
  "1.3.6.1.4.1.311.13.2.2": "msEnrollmentCspProvider",
  "1.3.6.1.4.1.311.21.20": "msRequestClientInfo",
};

/** Key usage bits in RFC 5280 order (bit 0 first). */
export const KEY_USAGE_BITS = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
] as const;
