/** How far ahead an expiry counts as soon: the usual renewal window for TLS certificates. */
export const EXPIRY_SOON_MS = 30 * 24 * 60 * 60 * 1000;

export type ExpiryState = "expired" | "soon" | "ok" | "unknown";

/** Whether a notAfter has passed, falls within the renewal window, or is comfortably ahead. */
export function expiryState(notAfter: number | null | undefined, now: number): ExpiryState {
  if (notAfter === null || notAfter === undefined) return "unknown";
  if (notAfter <= now) return "expired";
  return notAfter - now <= EXPIRY_SOON_MS ? "soon" : "ok";
}
