import type { EdgeFailure } from "./context";

/**
 * A coded failure thrown across layers that cannot return one (a rejected promise of an interface
 * such as `AuditLog.append`). The error middleware answers with its failure's envelope; `cause`
 * goes to the log only.
 */
export class EdgeError extends Error {
  override readonly name = "EdgeError";
  constructor(
    readonly failure: EdgeFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.message, options);
  }
}
