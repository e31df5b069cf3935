import type { CertificateAuthority } from "@pca/contracts";
import type { CcmPort, UpstreamFailure } from "../../upstream/port";

/**
 * Step 3a, issuer: reads the issuing CA from CCM (a GET, safe to repeat). A CA CCM does not know
 * fails with ISSUER_NOT_FOUND; any other failure keeps its upstream code.
 */
export async function loadIssuer(
  ccm: Pick<CcmPort, "showCertificateAuthority">,
  issuerId: string,
): Promise<{ ok: true; value: CertificateAuthority } | { ok: false; error: UpstreamFailure }> {
  const shown = await ccm.showCertificateAuthority(issuerId);
  if (shown.ok) return { ok: true, value: shown.value };
  if (shown.error.code === "CA_NOT_FOUND") {
    return {
      ok: false,
      error: {
        code: "ISSUER_NOT_FOUND",
        message: "The issuing CA does not exist. Pick an ACTIVED CA from the list.",
        ...(shown.error.upstream ? { upstream: shown.error.upstream } : {}),
      },
    };
  }
  return shown;
}
