import {
  type CertificateAuthority,
  computeValidity,
  type IssuedCertificateType,
  type Result,
  type Validity,
  type ValidityErrorCode,
  type ValidityWindow,
} from "@pca/contracts";

export interface ValidityInput {
  readonly validity: Validity;
  readonly kind: IssuedCertificateType;
  readonly issuer: Pick<CertificateAuthority, "not_after">;
  /** ms since the epoch */
  readonly now: number;
}

/**
 * The validity window CCM will give the certificate, through contracts' computeValidity (the one
 * function the SPA's picker uses too): value within the cap for the kind, start_from later than
 * now − 5 min, notAfter not past the issuer's. Fails with VALIDITY_OUT_OF_RANGE,
 * VALIDITY_START_IN_PAST or VALIDITY_BEYOND_ISSUER.
 */
export function checkValidity(input: ValidityInput): Result<ValidityWindow, ValidityErrorCode> {
  return computeValidity(input.validity, {
    kind: input.kind,
    now: input.now,
    issuerNotAfter: input.issuer.not_after ?? undefined,
  });
}
