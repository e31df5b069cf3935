import { CCM_LIMITS, type CertificateAuthority } from "@pca/contracts";

/**
 * The path lengths an intermediate CA signed by this issuer may have: strictly below the issuer's
 * (RFC 5280 §4.2.1.9; a root's 7 means unlimited), so 0..n−1, none when the issuer has 0. The
 * BFF applies the same rule (apps/bff issuance/policy/path-length.ts); it is not in contracts yet,
 * so this mirrors it. An issuer whose path length CCM did not report allows the full 0-6.
 */
export function allowedPathLengths(issuer: Pick<CertificateAuthority, "path_length"> | undefined): number[] {
  const issuerMax = issuer?.path_length;
  const top =
    issuerMax === null || issuerMax === undefined
      ? CCM_LIMITS.pathLengthMax
      : Math.min(CCM_LIMITS.pathLengthMax, issuerMax - 1);
  const lengths: number[] = [];
  for (let n = CCM_LIMITS.pathLengthMin; n <= top; n++) lengths.push(n);
  return lengths;
}

/** Whether this CA can sign an intermediate CA at all. */
export const canSignCa = (issuer: Pick<CertificateAuthority, "path_length">): boolean =>
  allowedPathLengths(issuer).length > 0;
