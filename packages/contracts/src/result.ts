import type { ErrorCode } from "./error-codes";

/** A coded failure: what packages return instead of throwing. `message` is a sentence for people. */
export interface Failure<C extends string = ErrorCode> {
  readonly code: C;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A value or a coded failure. Packages return this; only the HTTP edge turns it into a status. */
export type Result<T, C extends string = ErrorCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Failure<C> };

/** Wraps a value as a success. */
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** Wraps a coded failure. */
export const fail = <C extends string = ErrorCode>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): { readonly ok: false; readonly error: Failure<C> } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
