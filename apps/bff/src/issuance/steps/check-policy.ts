import type {
  CertificateAuthority,
  CreateCertificateByCsrRequest,
  Result,
  ValidityWindow,
} from "@pca/contracts";
import { checkPathLength, ok } from "@pca/contracts";
import { checkIssuerActive } from "../policy/issuer-active";
import { checkValidity } from "../policy/validity";

/**
 * Step 3b, policy: each check is its own function with its own table of cases; the first refusal
 * wins. Returns the validity window CCM will apply.
 */
export function checkPolicy(
  request: CreateCertificateByCsrRequest,
  issuer: CertificateAuthority,
  now: number,
): Result<ValidityWindow> {
  const kind = request.type ?? "ENTITY_CERT";
  const active = checkIssuerActive(issuer);
  if (!active.ok) return active;
  const pathLength = checkPathLength({
    kind,
    pathLength: request.path_length,
    issuerPathLength: issuer.path_length,
  });
  if (!pathLength.ok) return pathLength;
  const window = checkValidity({ validity: request.validity, kind, issuer, now });
  if (!window.ok) return window;
  return ok(window.value);
}
