import type {
  AuditAction,
  AuditChainStatus,
  AuditEvent,
  AuditListResponse,
  AuditOutcome,
  AuditQuery,
  Role,
} from "@pca/contracts";
import type { Kysely } from "kysely";
import type { Database } from "../storage/schema";

/** An audit event before the log gives it its sequence number, time and hashes. */
export interface NewAuditEvent {
  readonly actor: string;
  readonly role: Role | null;
  readonly action: AuditAction;
  readonly target: string | null;
  readonly outcome: AuditOutcome;
  readonly requestId: string | null;
  readonly upstreamRequestId?: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The append-only, hash-chained audit log. `append` rejects when the event could not be stored. */
export interface AuditLog {
  append(event: NewAuditEvent): Promise<AuditEvent>;
}

/** The audit log with the reads the admin routes and the CLI need. */
export interface AuditService extends AuditLog {
  /** Events matching the filters, newest first, with the total count for paging. */
  query(filter: AuditQuery): Promise<AuditListResponse>;
  /** Every event matching the filters, oldest first, in pages (for exports). */
  stream(filter: AuditQuery, pageSize?: number): AsyncGenerator<AuditEvent>;
  /**
   * Appends unless `skip` (run inside the append's transaction, under the chain-head lock) resolves
   * true; resolves null when skipped. For events that must be written once across replicas.
   */
  appendUnless(
    event: NewAuditEvent,
    skip: (locked: Kysely<Database>) => Promise<boolean>,
  ): Promise<AuditEvent | null>;
  /** Recomputes the whole chain and names the first broken link. */
  verify(): Promise<AuditChainStatus>;
}
