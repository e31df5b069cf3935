import type { CodedFailure } from "../core/failure";

/** What a resource use case returns: a value, or a failure ready for the error envelope. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CodedFailure };

/** CCM sent something pki cannot read: the upstream's fault, not the caller's. */
export const unreadable = (what: string): { ok: false; error: CodedFailure } => ({
  ok: false,
  error: { code: "UPSTREAM_BAD_RESPONSE", message: `CCM returned ${what} the console cannot read.` },
});
