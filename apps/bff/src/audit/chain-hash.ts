import { createHash } from "node:crypto";
import type { AuditEventRow } from "../storage/schema";

/** The hash before the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** An event's row without its hash: the columns the hash covers, as stored. */
export type HashedColumns = Omit<AuditEventRow, "hash">;

/**
 * SHA-256 (hex) over a versioned JSON array of every column but the hash itself, including the
 * previous event's hash; `details` is the stored text, so a row is verified from itself alone.
 */
export function hashEvent(row: HashedColumns): string {
  const text = JSON.stringify([
    "pca-audit-v1",
    row.seq,
    row.time,
    row.actor,
    row.role,
    row.action,
    row.target,
    row.outcome,
    row.request_id,
    row.upstream_request_id,
    row.details,
    row.prev_hash,
  ]);
  return createHash("sha256").update(text, "utf8").digest("hex");
}
