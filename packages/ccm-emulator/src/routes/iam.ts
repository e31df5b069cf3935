import { createHash } from "node:crypto";
import { json, type Route } from "../http/route";
import type { EmulatorState } from "./state";

/**
 * IAM's error body, Keystone style [unverified: IAM's exact texts were not captured]. These are
 * IAM's errors, not CCM's, so they do not use the PCA table.
 */
const iamError = (status: 400 | 401, message: string) =>
  json({ error: { code: status, message, title: status === 400 ? "Bad Request" : "Unauthorized" } }, status);

const FAILURES = {
  "bad-request": () => iamError(400, "The request body is not a valid password authentication request."),
  "wrong-credentials": () => iamError(401, "The username or password is wrong."),
  "bad-scope": () => iamError(401, "The scope is not a domain or project of this user."),
} as const;

const parse = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
};

/** A stable 32-hex user id, as IAM's look. */
const userId = (domainName: string, name: string): string =>
  createHash("sha256").update(`${domainName}/${name}`).digest("hex").slice(0, 32);

/** `POST /v3/auth/tokens`, password method (reference §6.4): 201 with the token in X-Subject-Token. */
export function iamRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: "POST",
      path: "/v3/auth/tokens",
      operation: "KeystoneCreateUserTokenByPassword",
      authenticated: false,
      handle: ({ body, now }) => {
        const result = state.tokens.login(parse(body), now);
        if (!result.ok) return FAILURES[result.reason]();
        const { token } = result;
        const domain = { name: token.user.domainName, id: state.credentials.domainId };
        return {
          status: 201,
          headers: { "X-Subject-Token": token.token },
          json: {
            token: {
              expires_at: new Date(token.expiresAt).toISOString(),
              issued_at: new Date(token.issuedAt).toISOString(),
              methods: ["password"],
              user: { name: token.user.name, id: userId(token.user.domainName, token.user.name), domain },
              ...(token.scope.kind === "domain"
                ? { domain }
                : { project: { name: token.scope.name, domain } }),
              roles: [{ name: "te_admin", id: "0" }],
              catalog: [],
            },
          },
        };
      },
    },
  ];
}
