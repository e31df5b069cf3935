import { parseCookie, stringifySetCookie } from "cookie";
import type { Request, Response } from "express";

/** The session cookie's name; its value is the opaque session id. */
export const SESSION_COOKIE = "pca_session";

/** The session id the request carries, if any. */
export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parseCookie(header)[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no cross-site request
 * carries it), Path=/, Secure when the request came over TLS. No Max-Age: it ends with the browser,
 * and the server enforces idle and absolute expiry anyway.
 */
export function writeSessionCookie(req: Request, res: Response, sessionId: string): void {
  res.append(
    "Set-Cookie",
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: sessionId,
      httpOnly: true,
      sameSite: "strict",
      path: "/",
      secure: req.secure,
    }),
  );
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.append(
    "Set-Cookie",
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: "",
      httpOnly: true,
      sameSite: "strict",
      path: "/",
      secure: req.secure,
      maxAge: 0,
      expires: new Date(0),
    }),
  );
}
