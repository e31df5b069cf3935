import type { TokenProvider } from "../iam/token-provider";

/**
 * How the client authenticates: an access key pair signed with SDK-HMAC-SHA256 plus the account
 * (domain) id sent as `X-Domain-Id` (PCA is a global service, reference §5), or IAM tokens.
 */
export type CcmCredentials =
  | { readonly kind: "aksk"; readonly ak: string; readonly sk: string; readonly domainId?: string }
  | { readonly kind: "token"; readonly provider: TokenProvider };
