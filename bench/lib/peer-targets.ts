import { randomUUID } from "node:crypto";
import { signRequest } from "@pca/ccm-client";
import type { LoadTarget } from "./load";

const JSON_TYPE = { "content-type": "application/json" };

/** cfssl's `POST /api/v1/cfssl/sign` with the CSR (its default profile: one year). */
export function cfsslTarget(signUrl: string, csr: string): LoadTarget {
  return {
    url: signUrl,
    method: "POST",
    headers: JSON_TYPE,
    next: () => ({ body: JSON.stringify({ certificate_request: csr }) }),
  };
}

/** CCM's CreateCertificateByCsr body: an ENTITY_CERT for one year from the issuing CA. */
export const createBody = (issuerId: string, csr: string): string =>
  JSON.stringify({ issuer_id: issuerId, csr, validity: { type: "YEAR", value: 1 } });

/**
 * The emulator's `POST /v1/private-certificates/csr`, signed for every request by
 * @pca/ccm-client's signRequest (SDK-HMAC-SHA256 with a fresh X-Sdk-Date and a signed
 * X-Domain-Id), as the console's upstream client sends it.
 */
export function emulatorTarget(
  emulator: {
    readonly url: string;
    readonly credentials: { readonly ak: string; readonly sk: string; readonly domainId: string };
  },
  issuerId: string,
  csr: string,
): LoadTarget {
  const url = new URL("/v1/private-certificates/csr", emulator.url);
  const body = createBody(issuerId, csr);
  const { ak, sk, domainId } = emulator.credentials;
  return {
    url: url.href,
    method: "POST",
    next: () => ({
      body,
      headers: signRequest(
        {
          method: "POST",
          host: url.host,
          path: url.pathname,
          headers: { ...JSON_TYPE, "X-Domain-Id": domainId },
          body,
        },
        { ak, sk },
      ),
    }),
  };
}

/** The console's `POST /api/certificates` with an API token and a fresh Idempotency-Key each time. */
export function consoleTarget(
  consoleUrl: string,
  auth: Readonly<Record<string, string>>,
  issuerId: string,
  csr: string,
): LoadTarget {
  const body = createBody(issuerId, csr);
  return {
    url: `${consoleUrl}/api/certificates`,
    method: "POST",
    headers: { ...JSON_TYPE, ...auth },
    next: () => ({ body, headers: { "Idempotency-Key": `bench-${randomUUID()}` } }),
  };
}
