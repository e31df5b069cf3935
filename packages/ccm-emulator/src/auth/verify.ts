import { type VerifyFailureCode, verifySignature } from "@pca/ccm-client";
import { CCM_LIMITS } from "@pca/contracts";
import type { TokenIssuer } from "./iam";

/** The emulator's one account: AK/SK and the domain (account) id they belong to. */
export interface Credentials {
  readonly ak: string;
  readonly sk: string;
  readonly domainId: string;
}

export interface AuthInput {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
  /** Server time for this request (fault-injected clock skew included). */
  readonly now: number;
}

export type AuthResult =
  | { readonly ok: true; readonly principal: "aksk" | "token" }
  | { readonly ok: false; readonly reason: string };

/** What follows "Incorrect IAM authentication information:" for each refusal [wording ours]. */
const SIGNATURE_REASONS: Record<VerifyFailureCode, string> = {
  AUTH_MISSING: "Authorization header or X-Auth-Token is missing.",
  AUTH_MALFORMED: "Authorization is not an SDK-HMAC-SHA256 signature.",
  ACCESS_KEY_UNKNOWN: "the access key does not exist.",
  DATE_INVALID: "x-sdk-date must be signed and in the form YYYYMMDDTHHmmssZ.",
  DATE_SKEW: "x-sdk-date is more than 15 minutes away from the server time.",
  SIGNATURE_MISMATCH: "verify aksk signature fail.",
};

const single = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v.join(", ") : v;

/**
 * Authenticates a PCA request the way API Gateway in front of CCM does (reference §6): an
 * `X-Auth-Token` the emulator's IAM issued, or an SDK-HMAC-SHA256 signature verified with
 * @pca/ccm-client's gateway-style verifier (X-Sdk-Date within 15 minutes). With AK/SK the
 * account must be named: [unverified] the live gateway's answer to a missing or foreign
 * X-Domain-Id was not observed; the emulator requires it, signed, and equal to its domain id,
 * so a client that sends X-Project-Id (BasicCredentials) instead is caught here.
 */
export function authenticate(input: AuthInput, credentials: Credentials, tokens: TokenIssuer): AuthResult {
  const token = single(input.headers["x-auth-token"]);
  if (token !== undefined) {
    return tokens.lookup(token, input.now)
      ? { ok: true, principal: "token" }
      : { ok: false, reason: "the token is invalid or expired; the token must be updated." };
  }
  const verified = verifySignature(
    {
      method: input.method,
      path: input.rawPath,
      rawQuery: input.rawQuery,
      headers: input.headers,
      body: input.body,
    },
    (ak) => (ak === credentials.ak ? credentials.sk : undefined),
    input.now,
    { maxSkewMs: CCM_LIMITS.signatureClockSkewMs },
  );
  if (!verified.ok) return { ok: false, reason: SIGNATURE_REASONS[verified.error.code] };
  if (!verified.value.signedHeaders.includes("x-domain-id")) {
    return { ok: false, reason: "X-Domain-Id must be sent and signed (PCA is a global service)." };
  }
  if (single(input.headers["x-domain-id"])?.trim() !== credentials.domainId) {
    return { ok: false, reason: "X-Domain-Id does not match the access key's account." };
  }
  return { ok: true, principal: "aksk" };
}
