import { type CertificateAuthority, fail, ok, type Result } from "@pca/contracts";

/**
 * The issuing CA must be ACTIVED: CCM documents that only an activated CA issues certificates.
 * Fails with ISSUER_NOT_ACTIVE, naming the CA's state.
 */
export function checkIssuerActive(issuer: Pick<CertificateAuthority, "status">): Result<true> {
  if (issuer.status === "ACTIVED") return ok(true);
  return fail(
    "ISSUER_NOT_ACTIVE",
    `The issuing CA is ${issuer.status}; only an ACTIVED CA can issue certificates. Pick another CA.`,
    { status: issuer.status },
  );
}
