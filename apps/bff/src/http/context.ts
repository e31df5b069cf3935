import type { AuditAction, AuditEvent, AuditOutcome, Failure, Role, UpstreamError } from "@pca/contracts";

/**
 * The seams between the BFF's parts, fixed first so the platform (storage, auth, audit, HTTP edge)
 * and the resource routes (CAs, certificates, issuance) can grow side by side.
 */

/** Who is calling: a signed-in user (session cookie) or an API token. */
export interface Actor {
  readonly username: string;
  readonly role: Role;
  readonly via: "session" | "token";
  /** The API token's id when `via` is "token". */
  readonly tokenId?: string;
}

/** An audit event before the log gives it its sequence number, time and hashes. */
export interface NewAuditEvent {
  readonly actor: string;
  readonly role: Role | null;
  readonly action: AuditAction;
  readonly target: string | null;
  readonly outcome: AuditOutcome;
  readonly requestId: string | null;
  readonly upstreamRequestId?: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The append-only, hash-chained audit log. `append` rejects when the event could not be stored. */
export interface AuditLog {
  append(event: NewAuditEvent): Promise<AuditEvent>;
}

/** A failure on its way to the error envelope, with CCM's own words when it came from upstream. */
export interface EdgeFailure extends Failure {
  readonly upstream?: UpstreamError;
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

/** What every handler may read from `res.locals` after the platform's middleware ran. */
export interface RequestLocals {
  /** Set by `requireAccess` on every non-public route (and by `identify` whenever credentials are valid). */
  actor?: Actor;
  /** The credential behind `actor`; the CSRF check reads the session's token from here. */
  credential?: Credential;
  /** Why the credentials sent were not accepted (expired session, revoked token…), if they were not. */
  authFailure?: EdgeFailure;
  /** The client address as Express sees it (honours TRUST_PROXY). */
  clientIp?: string;
  /** A request id (also sent back as `X-Request-Id`). */
  requestId: string;
  /** Set by `validate(route)`: the parsed params, query and body of the route's contract. */
  input?: { params: unknown; query: unknown; body: unknown };
}

declare global {
  namespace Express {
    /** Types `res.locals` for every handler of the app. */
    interface Locals extends RequestLocals {}
  }
}
