import type { IssuedCertificateType } from "./ccm/create-certificate-by-csr";
import { CCM_LIMITS } from "./limits";
import { fail, ok, type Result } from "./result";

export interface PathLengthInput {
  readonly kind: IssuedCertificateType;
  /** The request's path_length; CCM applies 0 to an INTERMEDIATE_CA without one. */
  readonly pathLength: number | undefined;
  /** The issuer's path_length (7 for a root: unlimited); null when CCM did not say. */
  readonly issuerPathLength: number | null | undefined;
}

/**
 * The path lengths an intermediate CA signed by this issuer may have: strictly below the issuer's
 * (RFC 5280 §4.2.1.9), within CCM's 0-6, so 0..n−1 and none when the issuer has 0. A root's 7
 * means unlimited. When CCM did not report the issuer's path length, the full 0-6 is offered and
 * CCM decides.
 */
export function allowedPathLengths(issuerPathLength: number | null | undefined): number[] {
  const top =
    issuerPathLength === null || issuerPathLength === undefined
      ? CCM_LIMITS.pathLengthMax
      : Math.min(CCM_LIMITS.pathLengthMax, issuerPathLength - 1);
  const lengths: number[] = [];
  for (let n = CCM_LIMITS.pathLengthMin; n <= top; n++) lengths.push(n);
  return lengths;
}

/**
 * path_length applies only to INTERMEDIATE_CA, and a new CA must sit strictly below its issuer
 * (see allowedPathLengths). The SPA checks this before submit and the BFF before the upstream
 * call, through this one function. Fails with PATH_LENGTH_NOT_ALLOWED or PATH_LENGTH_INVALID.
 */
export function checkPathLength(input: PathLengthInput): Result<true> {
  if (input.kind !== "INTERMEDIATE_CA") {
    if (input.pathLength === undefined) return ok(true);
    return fail("PATH_LENGTH_NOT_ALLOWED", "path_length applies only when type is INTERMEDIATE_CA.");
  }
  const requested = input.pathLength ?? 0;
  const issuer = input.issuerPathLength;
  if (allowedPathLengths(issuer).includes(requested)) return ok(true);
  if (issuer === 0) {
    return fail(
      "PATH_LENGTH_INVALID",
      "The issuing CA has path length 0, so it cannot sign another CA. Issue the intermediate from a CA higher in the chain.",
      { issuerPathLength: issuer },
    );
  }
  if (issuer === null || issuer === undefined || requested < CCM_LIMITS.pathLengthMin) {
    return fail("PATH_LENGTH_INVALID", "path_length is a whole number from 0 to 6.");
  }
  const max = Math.min(CCM_LIMITS.pathLengthMax, issuer - 1);
  return fail(
    "PATH_LENGTH_INVALID",
    `path_length must be below the issuing CA's path length (${issuer}); use at most ${max}.`,
    { issuerPathLength: issuer, max },
  );
}
