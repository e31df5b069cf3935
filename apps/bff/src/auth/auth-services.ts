import type { Config } from "../config";
import type { Clock } from "../core/clock";
import type { Storage } from "../storage/storage";
import { ApiTokenStore } from "./api-tokens";
import { LoginThrottle } from "./login-throttle";
import { SessionStore } from "./sessions";
import { UserStore } from "./users";

/** The auth stores over one database, with the policies from the config. */
export interface AuthServices {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: ApiTokenStore;
  readonly throttle: LoginThrottle;
}

const MINUTE = 60_000;

export function createAuthServices(config: Config, db: Storage, clock: Clock): AuthServices {
  return {
    users: new UserStore(db.kysely, clock),
    sessions: new SessionStore(db.kysely, clock, {
      idleMs: config.SESSION_IDLE_MINUTES * MINUTE,
      absoluteMs: config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE,
    }),
    tokens: new ApiTokenStore(db.kysely, clock),
    throttle: new LoginThrottle(db.kysely, clock, {
      maxFailuresPerUser: config.LOGIN_MAX_FAILURES_PER_USER,
      maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: config.LOGIN_WINDOW_MINUTES * MINUTE,
      lockoutMs: config.LOGIN_LOCKOUT_MINUTES * MINUTE,
    }),
  };
}
