import { createHash } from "node:crypto";

/** The hash before the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields an event's hash covers, in their stored form. */
export interface HashedFields {
  readonly seq: number;
  readonly time: number;
  readonly actor: string;
  readonly role: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly outcome: string;
  readonly requestId: string | null;
  readonly upstreamRequestId: string | null;
  /** The canonical JSON text of the details. */
  readonly details: string;
  readonly prevHash: string;
}

/** SHA-256 (hex) over a versioned JSON array of every field, including the previous event's hash. */
export function hashEvent(f: HashedFields): string {
  const text = JSON.stringify([
    "pca-audit-v1",
    f.seq,
    f.time,
    f.actor,
    f.role,
    f.action,
    f.target,
    f.outcome,
    f.requestId,
    f.upstreamRequestId,
    f.details,
    f.prevHash,
  ]);
  return createHash("sha256").update(text, "utf8").digest("hex");
}
