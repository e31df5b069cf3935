import type { CcmArgs, CcmMethodName, CcmOperationName, CcmResponse } from "@pca/contracts";
import type { CodedFailure } from "../core/failure";

/**
 * A failed CCM call, already translated to one of the console's stable codes, with CCM's own
 * status, error_code, error_msg and request id kept in `upstream`. `outcomeUnknown` is set when a
 * call that changes state may have reached CCM before the connection failed: the caller must not
 * assume nothing happened.
 */
export interface UpstreamFailure extends CodedFailure {
  readonly outcomeUnknown?: boolean;
  /** Seconds, from CCM's Retry-After on a 429. */
  readonly retryAfterSeconds?: number;
}

/** A CCM answer and the request id CCM gave it (X-Request-Id), when it gave one. */
export type UpstreamResult<T> =
  | { readonly ok: true; readonly value: T; readonly requestId: string | null }
  | { readonly ok: false; readonly error: UpstreamFailure };

/**
 * The CCM operations of CCM_OPERATIONS, one method each (named and typed from the table, as
 * ccm-client's are), reached through the signed client in both modes; an operation CCM may answer
 * with a zip file is asked for JSON. The routes and the use cases depend on this type only, so
 * tests can hand them a fake and the emulator/cloud choice stays in createUpstream. No method
 * retries a call that changes state.
 */
export type CcmPort = {
  readonly [N in CcmOperationName as CcmMethodName<N>]: (
    ...args: CcmArgs<N>
  ) => Promise<UpstreamResult<CcmResponse<N>>>;
};

export type UpstreamMode = "emulator" | "cloud";

/**
 * What /readyz shows for the upstream: reachable or not, how long the probe took, and in which mode
 * (`unconfigured` for an app built without one; tests name their own fakes).
 */
export interface UpstreamReadiness {
  readonly ok: boolean;
  readonly latencyMs?: number;
  readonly mode: UpstreamReadinessMode;
}

export type UpstreamReadinessMode = UpstreamMode | "unconfigured" | "test";

/** The upstream the BFF runs with: the port, how it was reached, and how to stop it. */
export interface Upstream {
  readonly mode: UpstreamReadinessMode;
  /** Base URL of CCM or of the in-process emulator (no credentials in it); empty when there is none. */
  readonly endpoint: string;
  readonly ccm: CcmPort;
  /** One cheap signed read (a CA list of one); never throws. */
  ready(): Promise<UpstreamReadiness>;
  /** Stops what createUpstream started (the emulator); idempotent. */
  close(): Promise<void>;
}
