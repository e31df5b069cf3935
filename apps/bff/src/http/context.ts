import type { Actor, Credential } from "../core/actor";
import type { CodedFailure } from "../core/failure";

/** What every handler may read from `res.locals` after the platform's middleware ran. */
export interface RequestLocals {
  /** Set by `requireAccess` on every non-public route (and by `identify` whenever credentials are valid). */
  actor?: Actor;
  /** The credential behind `actor`; the CSRF check reads the session's token from here. */
  credential?: Credential;
  /** Why the credentials sent were not accepted (expired session, revoked token…), if they were not. */
  authFailure?: CodedFailure;
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
