import type { AuditChainStatus, AuditEvent, AuditListResponse, AuditQuery } from "@pca/contracts";
import { AuditEventSchema } from "@pca/contracts";
import { type Kysely, sql } from "kysely";
import type { AuditLog, NewAuditEvent } from "../http/context";
import type { Clock } from "../http/deps";
import { EdgeError } from "../http/edge-error";
import type { AuditEventRow, Database } from "../storage/schema";
import { canonicalJson, hashEvent } from "./canonical";
import { verifyChain } from "./verify-chain";

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

/** Maps a stored row to the contract's event. */
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

function filtered(db: Kysely<Database>, f: AuditQuery) {
  let q = db.selectFrom("audit_events");
  if (f.actor !== undefined) q = q.where("actor", "=", f.actor);
  if (f.action !== undefined) q = q.where("action", "=", f.action);
  if (f.outcome !== undefined) q = q.where("outcome", "=", f.outcome);
  if (f.target !== undefined) q = q.where("target", "=", f.target);
  if (f.from !== undefined) q = q.where("time", ">=", f.from);
  if (f.to !== undefined) q = q.where("time", "<=", f.to);
  return q;
}

/**
 * One append in one transaction that first updates the chain-head row (the lock that makes appends
 * serial across connections and processes); `skip` runs under that lock, so of concurrent guarded
 * appends each sees every event stored before it. Resolves null when skipped.
 */
async function appendGuarded(
  db: Kysely<Database>,
  clock: Clock,
  event: NewAuditEvent,
  skip: (locked: Kysely<Database>) => Promise<boolean>,
): Promise<AuditEvent | null> {
  try {
    const row = await db.transaction().execute(async (trx) => {
      await trx.updateTable("audit_head").set({ seq: sql`seq` }).where("id", "=", 1).execute();
      if (await skip(trx)) return null;
      const head = await trx
        .selectFrom("audit_head")
        .select(["seq", "hash"])
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      const fields = {
        seq: head.seq + 1,
        time: clock.now(),
        actor: event.actor,
        role: event.role,
        action: event.action,
        target: event.target,
        outcome: event.outcome,
        requestId: event.requestId,
        upstreamRequestId: event.upstreamRequestId ?? null,
        details: canonicalJson(event.details ?? {}),
        prevHash: head.hash,
      };
      const stored: AuditEventRow = {
        seq: fields.seq,
        time: fields.time,
        actor: fields.actor,
        role: fields.role,
        action: fields.action,
        target: fields.target,
        outcome: fields.outcome,
        request_id: fields.requestId,
        upstream_request_id: fields.upstreamRequestId,
        details: fields.details,
        prev_hash: fields.prevHash,
        hash: hashEvent(fields),
      };
      await trx.insertInto("audit_events").values(stored).execute();
      await trx
        .updateTable("audit_head")
        .set({ seq: stored.seq, hash: stored.hash })
        .where("id", "=", 1)
        .execute();
      return stored;
    });
    return row ? eventFromRow(row) : null;
  } catch (cause) {
    throw new EdgeError(
      { code: "AUDIT_UNAVAILABLE", message: "The audit log cannot be written; nothing was done." },
      { cause },
    );
  }
}

/**
 * The hash-chained audit log over the console's database. Each append runs in one transaction
 * that first updates the chain-head row: PostgreSQL holds that row lock until commit and SQLite
 * takes its database write lock, so appends are serial across connections and processes, and an
 * event is stored with its hash and the new head at once or not at all (a crash leaves no
 * half-written link). `append` rejects with AUDIT_UNAVAILABLE when the event could not be stored.
 */
export function createAuditService(db: Kysely<Database>, clock: Clock): AuditService {
  return {
    async append(event: NewAuditEvent): Promise<AuditEvent> {
      const stored = await appendGuarded(db, clock, event, async () => false);
      if (!stored) throw new Error("unreachable: an unguarded append was skipped");
      return stored;
    },

    appendUnless: (event, skip) => appendGuarded(db, clock, event, skip),

    async query(f: AuditQuery): Promise<AuditListResponse> {
      const count = await filtered(db, f)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      const rows = await filtered(db, f)
        .selectAll()
        .orderBy("seq", "desc")
        .limit(f.limit ?? 50)
        .offset(f.offset ?? 0)
        .execute();
      return { total: Number(count.n), events: rows.map(eventFromRow) };
    },

    async *stream(f: AuditQuery, pageSize = 500): AsyncGenerator<AuditEvent> {
      let after = 0;
      for (;;) {
        const rows = await filtered(db, f)
          .selectAll()
          .where("seq", ">", after)
          .orderBy("seq", "asc")
          .limit(pageSize)
          .execute();
        for (const row of rows) yield eventFromRow(row);
        const last = rows.at(-1);
        if (!last || rows.length < pageSize) return;
        after = last.seq;
      }
    },

    verify: () => verifyChain(db),
  };
}
