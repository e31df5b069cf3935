import type { Role } from "@pca/contracts";

/** Who is calling: a signed-in user (session cookie) or an API token. */
export interface Actor {
  readonly username: string;
  readonly role: Role;
  readonly via: "session" | "token";
  /** The API token's id when `via` is "token". */
  readonly tokenId?: string;
}

/** How the request authenticated, as found by the platform's `identify` step on every /api request. */
export type Credential =
  | {
      readonly kind: "session";
      readonly csrfToken: string;
      readonly sessionIdHash: string;
      readonly idleExpiresAt: number;
      readonly absoluteExpiresAt: number;
    }
  | { readonly kind: "token"; readonly tokenId: string; readonly expiresAt: number | null };
