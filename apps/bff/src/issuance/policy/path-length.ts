import { fail, type IssuedCertificateType, ok, type Result } from "@pca/contracts";

export interface PathLengthInput {
  readonly kind: IssuedCertificateType;
  /** The request's path_length; CCM applies 0 to an INTERMEDIATE_CA without one. */
  readonly pathLength: number | undefined;
  /** The issuer's path_length (7 for a root: unlimited); null when CCM did not say. */
  readonly issuerPathLength: number | null | undefined;
}

/**
 * path_length applies only to INTERMEDIATE_CA, and a new CA must sit strictly below its issuer in
 * the chain (RFC 5280 §4.2.1.9): an issuer with path length n can sign CAs with at most n − 1.
 * An issuer with path length 0 signs no CA at all. Fails with PATH_LENGTH_NOT_ALLOWED or
 * PATH_LENGTH_INVALID. When CCM did not report the issuer's path length, CCM decides.
 */
export function checkPathLength(input: PathLengthInput): Result<true> {
  if (input.kind !== "INTERMEDIATE_CA") {
    if (input.pathLength === undefined) return ok(true);
    return fail("PATH_LENGTH_NOT_ALLOWED", "path_length applies only when type is INTERMEDIATE_CA.");
  }
  const requested = input.pathLength ?? 0;
  const issuer = input.issuerPathLength;
  if (issuer === null || issuer === undefined || requested < issuer) return ok(true);
  if (issuer === 0) {
    return fail(
      "PATH_LENGTH_INVALID",
      "The issuing CA has path length 0, so it cannot sign another CA. Issue the intermediate from a CA higher in the chain.",
      { issuerPathLength: issuer },
    );
  }
  return fail(
    "PATH_LENGTH_INVALID",
    `path_length must be below the issuing CA's path length (${issuer}); use at most ${issuer - 1}.`,
    { issuerPathLength: issuer, max: issuer - 1 },
  );
}
