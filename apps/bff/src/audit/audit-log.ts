import type { AuditEvent, AuditListResponse, AuditQuery } from "@pca/contracts";
import type { Kysely } from "kysely";
import type { AuditService } from "../core/audit-port";
import type { Clock } from "../core/clock";
import type { Database } from "../storage/schema";
import { type AuditDatabase, chainWriter } from "./append";
import { eventFromRow } from "./rows";
import { verifyChain } from "./verify-chain";

export type { AuditService } from "../core/audit-port";
export type { AuditDatabase } from "./append";

const unfiltered = (f: AuditQuery) =>
  f.actor === undefined &&
  f.action === undefined &&
  f.outcome === undefined &&
  f.target === undefined &&
  f.from === undefined &&
  f.to === undefined;

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
 * The hash-chained audit log over the console's database: appends through append.ts (serial
 * across connections and processes; an event is stored with its hash and the new head at once or
 * not at all, so a crash leaves no half-written link; AUDIT_UNAVAILABLE when it could not be
 * stored), and the reads the admin routes, exports and the CLI need.
 */
export function createAuditService(database: AuditDatabase, clock: Clock): AuditService {
  const db = database.kysely;
  const writer = chainWriter(database, clock);
  return {
    append: async (event) => eventFromRow(await writer.append(event)),

    appendUnless: async (event, skip) => {
      const stored = await writer.appendUnless(event, skip);
      return stored ? eventFromRow(stored) : null;
    },

    async query(f: AuditQuery): Promise<AuditListResponse> {
      // Events are never deleted, so without a filter the chain head's seq is the count: O(1)
      // instead of a count(*) that grows with the log (the audit page's default view).
      const count = unfiltered(f)
        ? await db.selectFrom("audit_head").select("seq as n").where("id", "=", 1).executeTakeFirstOrThrow()
        : await filtered(db, f)
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
