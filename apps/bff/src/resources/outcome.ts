import type { EdgeFailure } from "../http/context";

/** What a resource use case returns: a value, or a failure ready for the error envelope. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: EdgeFailure };

/** CCM sent something pki cannot read: the upstream's fault, not the caller's. */
export const unreadable = (what: string): { ok: false; error: EdgeFailure } => ({
  ok: false,
  error: { code: "UPSTREAM_BAD_RESPONSE", message: `CCM returned ${what} the console cannot read.` },
});
