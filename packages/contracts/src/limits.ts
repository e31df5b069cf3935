/**
 * Every limit CCM documents for the operations the console uses, written once. The zod schemas,
 * the validity function, the BFF's policy and the SPA's form all read these constants, so the
 * browser refuses exactly what CCM would refuse. Sources: reference/ccm-api.md §2-§3 and the seed
 * pages (CreateCertificateByCsr, ExportCertificateAuthorityCsr).
 */
export const CCM_LIMITS = {
  /** ca_id, certificate_id, issuer_id: 36-character lowercase UUIDs (PCA.00020201's pattern). */
  idLength: 36,
  /** CreateCertificateByCsr `csr`: maximum length of the JSON string CCM receives. */
  csrMaxLength: 5120,
  /** ExportCertificateAuthorityCsr response `csr`. */
  exportedCsrMinLength: 1,
  exportedCsrMaxLength: 4096,
  /** CreateCertificateByCsr `path_length` (INTERMEDIATE_CA only). */
  pathLengthMin: 0,
  pathLengthMax: 6,
  /** A root CA's path length is stored as 7 ("unlimited"). */
  rootPathLength: 7,
  /**
   * Key algorithms CCM accepts (PCA.00020102: "Only RSA2048, RSA4096, EC256, and EC384 are
   * supported"), by CCM's name: an RSA key by its modulus size, an EC key by its named curve. SM2
   * exists on CCM's China site only and is not offered by the console.
   */
  keyAlgorithms: {
    RSA2048: { algorithm: "RSA", size: 2048 },
    RSA4096: { algorithm: "RSA", size: 4096 },
    EC256: { algorithm: "EC", size: 256, curve: "P-256" },
    EC384: { algorithm: "EC", size: 384, curve: "P-384" },
  },
  /** CreateCertificateByCsr `subject_alternative_names`: 0-20 items. */
  sanMaxItems: 20,
  /** Per-type SAN value lengths (seed, table 4). */
  sanMaxLength: { DNS: 253, IP: 39, EMAIL: 256, URI: 253, UPN: 256 },
  /** Validity in years: root CA ≤ 30, subordinate CA and private certificate ≤ 20. */
  maxValidityYears: { ROOT: 30, INTERMEDIATE_CA: 20, ENTITY_CERT: 20 },
  /** `start_from` must be later than now − 5 minutes (strictly). */
  startFromToleranceMs: 5 * 60 * 1000,
  /** CCM error body: error_code 3-36 characters, error_msg 0-1024. */
  errorCodeMinLength: 3,
  errorCodeMaxLength: 36,
  errorMsgMaxLength: 1024,
  /** List operations: limit 0-1000 (default 10), offset ≥ 0, name filter 1-64. */
  listLimitMin: 0,
  listLimitMax: 1000,
  listLimitDefault: 10,
  listNameMaxLength: 64,
  /** Distinguished name fields (CA detail). */
  commonNameMaxLength: 64,
  issuerNameMaxLength: 64,
  serialNumberMaxLength: 64,
  /** Gateway: X-Sdk-Date more than 15 minutes away from server time is refused. */
  signatureClockSkewMs: 15 * 60 * 1000,
} as const;

/** A key algorithm as CCM names it (`key_algorithm` of CAs and certificates). */
export type CcmKeyAlgorithm = keyof typeof CCM_LIMITS.keyAlgorithms;

/** CCM's key algorithms, in CCM's order. */
export const CCM_KEY_ALGORITHMS = Object.keys(CCM_LIMITS.keyAlgorithms) as CcmKeyAlgorithm[];

/**
 * CCM's name for a key (as a CSR preview describes it: RSA with its modulus size, EC with its
 * curve), or undefined when CCM does not accept that key. RSA-PSS keys, P-521 and EdDSA are not
 * CCM's.
 */
export function ccmKeyAlgorithmOf(key: {
  readonly algorithm: string;
  readonly size: number;
  readonly curve?: string | undefined;
}): CcmKeyAlgorithm | undefined {
  return CCM_KEY_ALGORITHMS.find((name) => {
    const accepted: { algorithm: string; size: number; curve?: string } = CCM_LIMITS.keyAlgorithms[name];
    return accepted.algorithm === "EC"
      ? key.algorithm === "EC" && key.curve === accepted.curve
      : key.algorithm === accepted.algorithm && key.size === accepted.size;
  });
}

/** The id pattern CCM states in PCA.00020201. */
export const CCM_ID_PATTERN = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/** enterprise_project_id: "all", "0", or this pattern (seed, CreateCertificateByCsr table 2). */
export const ENTERPRISE_PROJECT_ID_PATTERN = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/;
