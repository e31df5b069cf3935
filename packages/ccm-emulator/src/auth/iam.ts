import { randomBytes, timingSafeEqual } from "node:crypto";

/** An IAM user the emulator's small IAM endpoint knows (reference §6.4). */
export interface IamUser {
  /** The account (domain) name the user belongs to. */
  readonly domainName: string;
  readonly name: string;
  readonly password: string;
}

export interface IssuedToken {
  readonly token: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly user: IamUser;
  readonly scope: { readonly kind: "domain" } | { readonly kind: "project"; readonly name: string };
}

/** Tokens live 24 hours, as IAM's do. */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type LoginFailure = "bad-request" | "wrong-credentials" | "bad-scope";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const at = (v: unknown, ...path: string[]): unknown => {
  let cur = v;
  for (const key of path) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
};

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The IAM half of the emulator: password login for configured users, and lookup of the tokens it
 * issued. Tokens are random opaque strings kept in memory (a restart logs everyone out).
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly users: readonly IamUser[],
    private readonly domainId: string,
  ) {}

  /** Password login with the KeystoneCreateUserTokenByPassword body; domain or project scope. */
  login(body: unknown, now: number): { ok: true; token: IssuedToken } | { ok: false; reason: LoginFailure } {
    const methods = at(body, "auth", "identity", "methods");
    const name = at(body, "auth", "identity", "password", "user", "name");
    const password = at(body, "auth", "identity", "password", "user", "password");
    const domainName = at(body, "auth", "identity", "password", "user", "domain", "name");
    if (!Array.isArray(methods) || !methods.includes("password")) return { ok: false, reason: "bad-request" };
    if (typeof name !== "string" || typeof password !== "string" || typeof domainName !== "string") {
      return { ok: false, reason: "bad-request" };
    }
    const user = this.users.find((u) => u.name === name && u.domainName === domainName);
    if (!user || !sameSecret(user.password, password)) return { ok: false, reason: "wrong-credentials" };
    const scope = this.scopeOf(at(body, "auth", "scope"), user);
    if (!scope) return { ok: false, reason: "bad-scope" };
    const token: IssuedToken = {
      token: `MII${randomBytes(48).toString("base64url")}`,
      issuedAt: now,
      expiresAt: now + TOKEN_LIFETIME_MS,
      user,
      scope,
    };
    this.tokens.set(token.token, token);
    return { ok: true, token };
  }

  /**
   * The token, if the emulator issued it and it has not expired. [unverified] PCA is a global
   * service and IAM recommends domain-scoped tokens for it; whether it also takes project-scoped
   * ones is not known, so both are accepted here.
   */
  lookup(token: string, now: number): IssuedToken | undefined {
    const found = this.tokens.get(token);
    if (!found) return undefined;
    if (found.expiresAt <= now) {
      this.tokens.delete(token);
      return undefined;
    }
    return found;
  }

  private scopeOf(scope: unknown, user: IamUser): IssuedToken["scope"] | undefined {
    const domainName = at(scope, "domain", "name");
    const domainId = at(scope, "domain", "id");
    if (domainName !== undefined || domainId !== undefined) {
      return domainName === user.domainName || domainId === this.domainId ? { kind: "domain" } : undefined;
    }
    const project = at(scope, "project", "name") ?? at(scope, "project", "id");
    return typeof project === "string" && project !== "" ? { kind: "project", name: project } : undefined;
  }
}
