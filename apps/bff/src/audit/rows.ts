import { type AuditEvent, AuditEventSchema } from "@pca/contracts";
import type { NewAuditEvent } from "../core/audit-port";
import { canonicalJson } from "../core/canonical-json";
import type { AuditEventRow } from "../storage/schema";
import { hashEvent } from "./chain-hash";

/*
 * The one mapping between the audit_events table and the contract's events: a NewAuditEvent
 * becomes a row (camelCase fields to columns, details to their canonical JSON text, the hash over
 * the row), and a stored row becomes an AuditEvent.
 */

/** Every column, once: a record, so a column added to the table without a place here fails the type check. */
const COLUMNS: Readonly<Record<keyof AuditEventRow, true>> = {
  seq: true,
  time: true,
  actor: true,
  role: true,
  action: true,
  target: true,
  outcome: true,
  request_id: true,
  upstream_request_id: true,
  details: true,
  prev_hash: true,
  hash: true,
};

/** The columns of audit_events, in the table's order, for the statements that insert a row. */
export const AUDIT_EVENT_COLUMNS = Object.keys(COLUMNS) as readonly (keyof AuditEventRow)[];

/** Where a new event goes: the next seq, its time, and the hash of the event before it. */
export interface ChainLink {
  readonly seq: number;
  readonly time: number;
  readonly prevHash: string;
}

/** The row of a new event at `link`, with the hash over all its other columns. */
export function rowOf(event: NewAuditEvent, link: ChainLink): AuditEventRow {
  const row = {
    seq: link.seq,
    time: link.time,
    actor: event.actor,
    role: event.role,
    action: event.action,
    target: event.target,
    outcome: event.outcome,
    request_id: event.requestId,
    upstream_request_id: event.upstreamRequestId ?? null,
    details: canonicalJson(event.details ?? {}),
    prev_hash: link.prevHash,
  };
  return { ...row, hash: hashEvent(row) };
}

/** The contract's event of a stored row. */
export function eventFromRow(row: AuditEventRow): AuditEvent {
  return AuditEventSchema.parse({
    seq: row.seq,
    time: row.time,
    actor: row.actor,
    role: row.role,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    requestId: row.request_id,
    upstreamRequestId: row.upstream_request_id,
    details: JSON.parse(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  });
}
