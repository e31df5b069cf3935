import type { Role, SessionInfo } from "@pca/contracts";
import type { AuditLog } from "../core/audit-port";
import type { CodedFailure } from "../core/failure";
import type { LoginThrottle } from "./login-throttle";
import { verifyDecoy, verifyPassword } from "./passwords";
import type { IssuedSession, SessionStore } from "./sessions";
import type { UserStore } from "./users";

export interface LoginAttempt {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly requestId: string;
  /** The session the browser already had: ended, so a login always starts a new id. */
  readonly previousSessionId?: string | undefined;
}

export type LoginOutcome =
  | { readonly ok: true; readonly session: IssuedSession; readonly info: SessionInfo }
  | { readonly ok: false; readonly failure: CodedFailure; readonly retryAfterSeconds?: number };

export interface LoginDeps {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;
  readonly audit: AuditLog;
}

const INVALID: CodedFailure = { code: "INVALID_CREDENTIALS", message: "The user name or password is wrong." };

/**
 * Signs a user in: throttle check (per user name and per address) → password check (argon2id; a
 * decoy check for unknown names) → a new session. Every attempt, good or bad, is audited; the
 * audit fails closed (a rejected append rejects the login). Wrong name, wrong password and a
 * disabled account all answer INVALID_CREDENTIALS, so the answer does not tell them apart.
 */
export async function login(deps: LoginDeps, attempt: LoginAttempt): Promise<LoginOutcome> {
  const { username, ip, requestId } = attempt;
  const audit = (outcome: "success" | "failure", role: Role | null, details: Record<string, unknown>) =>
    deps.audit.append({
      actor: username,
      role,
      action: "session.login",
      target: username,
      outcome,
      requestId,
      details: { ip, ...details },
    });

  const verdict = await deps.throttle.check(username, ip);
  if (!verdict.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    await audit("failure", null, {
      reason: verdict.scope === "user" ? "account_locked" : "address_throttled",
    });
    const failure: CodedFailure =
      verdict.scope === "user"
        ? {
            code: "ACCOUNT_LOCKED",
            message: `Too many failed sign-ins; try again in ${retryAfterSeconds} s.`,
          }
        : {
            code: "RATE_LIMITED",
            message: `Too many failed sign-ins from here; try again in ${retryAfterSeconds} s.`,
          };
    return { ok: false, failure, retryAfterSeconds };
  }

  const user = await deps.users.find(username);
  const passwordOk = user
    ? await verifyPassword(user.password_hash, attempt.password)
    : await verifyDecoy(attempt.password);
  if (!user || !passwordOk || user.disabled === 1) {
    const locked = await deps.throttle.recordFailure(username, ip);
    const reason = !user ? "unknown_user" : !passwordOk ? "wrong_password" : "disabled";
    await audit("failure", null, locked.length > 0 ? { reason, locked } : { reason });
    return { ok: false, failure: INVALID };
  }

  await deps.throttle.recordSuccess(username);
  if (attempt.previousSessionId !== undefined) await deps.sessions.destroy(attempt.previousSessionId);
  const session = await deps.sessions.create(user.username);
  await deps.users.recordLogin(user.username);
  const role = user.role as Role;
  try {
    await audit("success", role, {});
  } catch (error) {
    await deps.sessions.destroy(session.id);
    throw error;
  }
  return {
    ok: true,
    session,
    info: {
      user: { username: user.username, role },
      csrfToken: session.csrfToken,
      idleExpiresAt: session.idleExpiresAt,
      absoluteExpiresAt: session.absoluteExpiresAt,
    },
  };
}
