import type { AuditChainStatus, AuditEvent, AuditListResponse, AuditQuery } from "@pca/contracts";
import { AuditEventSchema } from "@pca/contracts";
import type BetterSqlite3 from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import type { AuditLog, NewAuditEvent } from "../http/context";
import type { Clock } from "../http/deps";
import { EdgeError } from "../http/edge-error";
import type { AuditEventRow, Database } from "../storage/schema";
import type { Storage } from "../storage/storage";
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

/** The console's database as the audit log uses it (openStorage's Storage). */
export type AuditDatabase = Pick<Storage, "kysely" | "dialect" | "sqlite">;

interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The row that follows `head`: the event's fields, its time, the link and the hash over both. */
function nextRow(head: ChainHead, clock: Clock, event: NewAuditEvent): AuditEventRow {
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
  return {
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
}

const unavailable = (cause: unknown) =>
  new EdgeError(
    { code: "AUDIT_UNAVAILABLE", message: "The audit log cannot be written; nothing was done." },
    { cause },
  );

/**
 * One append in one transaction that first locks the chain-head row and reads it (one UPDATE …
 * RETURNING: the lock that makes appends serial across connections and processes); `skip` runs
 * under that lock, so of concurrent guarded appends each sees every event stored before it. On
 * PostgreSQL the event and the new head are written by one statement (a data-modifying WITH), so
 * an append is four round trips with BEGIN and COMMIT. Resolves null when skipped.
 */
async function appendGuarded(
  database: AuditDatabase,
  clock: Clock,
  event: NewAuditEvent,
  skip: (locked: Kysely<Database>) => Promise<boolean>,
): Promise<AuditEvent | null> {
  try {
    const row = await database.kysely.transaction().execute(async (trx) => {
      const head = await trx
        .updateTable("audit_head")
        .set({ seq: sql`seq` })
        .where("id", "=", 1)
        .returning(["seq", "hash"])
        .executeTakeFirstOrThrow();
      if (await skip(trx)) return null;
      const stored = nextRow(head, clock, event);
      const newHead = { seq: stored.seq, hash: stored.hash };
      if (database.dialect === "postgres") {
        await trx
          .with("appended", (q) => q.insertInto("audit_events").values(stored))
          .updateTable("audit_head")
          .set(newHead)
          .where("id", "=", 1)
          .execute();
      } else {
        await trx.insertInto("audit_events").values(stored).execute();
        await trx.updateTable("audit_head").set(newHead).where("id", "=", 1).execute();
      }
      return stored;
    });
    return row ? eventFromRow(row) : null;
  } catch (cause) {
    throw unavailable(cause);
  }
}

/**
 * SQLite's append: the same three steps (read the head, insert the event, move the head) as one
 * synchronous better-sqlite3 transaction (BEGIN IMMEDIATE, the database's write lock) of prepared
 * statements, run while holding kysely's one connection so it never lands inside a kysely
 * transaction. Nothing awaits between the statements, so no other request's query can interleave
 * and the transaction is as short as SQLite allows; the chain is identical to appendGuarded's.
 */
function sqliteAppend(
  database: AuditDatabase & { sqlite: BetterSqlite3.Database },
  clock: Clock,
): (event: NewAuditEvent) => Promise<AuditEvent> {
  const file = database.sqlite;
  let append: BetterSqlite3.Transaction<(event: NewAuditEvent) => AuditEventRow> | undefined;
  const prepared = () => {
    const head = file.prepare<[], ChainHead>("select seq, hash from audit_head where id = 1");
    const insert = file.prepare<[AuditEventRow]>(
      `insert into audit_events (seq, time, actor, role, action, target, outcome, request_id,
        upstream_request_id, details, prev_hash, hash) values (@seq, @time, @actor, @role, @action,
        @target, @outcome, @request_id, @upstream_request_id, @details, @prev_hash, @hash)`,
    );
    const move = file.prepare<[ChainHead]>("update audit_head set seq = @seq, hash = @hash where id = 1");
    return file.transaction((event: NewAuditEvent): AuditEventRow => {
      const current = head.get();
      if (!current) throw new Error("the audit chain head row is missing");
      const stored = nextRow(current, clock, event);
      insert.run(stored);
      move.run({ seq: stored.seq, hash: stored.hash });
      return stored;
    });
  };
  return async (event) => {
    try {
      const stored = await database.kysely.connection().execute(async () => {
        append ??= prepared();
        return append.immediate(event);
      });
      return eventFromRow(stored);
    } catch (cause) {
      throw unavailable(cause);
    }
  };
}

/**
 * PostgreSQL's append in one round trip: this process remembers the chain head it last wrote or
 * read, and one statement moves the head from exactly that (seq, hash) to the new event's and
 * inserts the event only if the head moved. When another replica (or the guarded append of
 * recovery) appended in between, the head row no longer matches — PostgreSQL re-checks the
 * condition after waiting for that writer's row lock — nothing is written, and the append re-reads
 * the head and tries again. Appends of this process are queued, so they never race each other.
 * The cached head is only a guess: a wrong guess costs a retry, never a broken link.
 */
function postgresAppend(db: Kysely<Database>, clock: Clock): (event: NewAuditEvent) => Promise<AuditEvent> {
  let head: ChainHead | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const readHead = () =>
    db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirstOrThrow();
  const attempt = async (event: NewAuditEvent): Promise<AuditEventRow> => {
    for (let tries = 0; tries < 100; tries++) {
      head ??= await readHead();
      const r = nextRow(head, clock, event);
      const written = await sql`with moved as (
          update audit_head set seq = ${r.seq}, hash = ${r.hash}
          where id = 1 and seq = ${head.seq} and hash = ${head.hash} returning id)
        insert into audit_events (seq, time, actor, role, action, target, outcome, request_id,
          upstream_request_id, details, prev_hash, hash)
        select ${r.seq}::bigint, ${r.time}::bigint, ${r.actor}, ${r.role}, ${r.action}, ${r.target},
          ${r.outcome}, ${r.request_id}, ${r.upstream_request_id}, ${r.details}, ${r.prev_hash}, ${r.hash}
        from moved`.execute(db);
      if (Number(written.numAffectedRows ?? 0n) === 1) {
        head = { seq: r.seq, hash: r.hash };
        return r;
      }
      head = undefined;
    }
    throw new Error("the audit chain head kept moving for 100 tries");
  };
  return (event) => {
    const run = queue.then(() => attempt(event));
    queue = run.catch(() => undefined);
    return run.then(eventFromRow, (cause) => {
      head = undefined;
      throw unavailable(cause);
    });
  };
}

/**
 * The hash-chained audit log over the console's database. Each append runs in one transaction
 * that first updates the chain-head row: PostgreSQL holds that row lock until commit and SQLite
 * takes its database write lock, so appends are serial across connections and processes, and an
 * event is stored with its hash and the new head at once or not at all (a crash leaves no
 * half-written link). `append` rejects with AUDIT_UNAVAILABLE when the event could not be stored.
 */
export function createAuditService(database: AuditDatabase, clock: Clock): AuditService {
  const db = database.kysely;
  const { sqlite } = database;
  const appendFast = sqlite
    ? sqliteAppend({ ...database, sqlite }, clock)
    : database.dialect === "postgres"
      ? postgresAppend(db, clock)
      : undefined;
  return {
    async append(event: NewAuditEvent): Promise<AuditEvent> {
      if (appendFast) return appendFast(event);
      const stored = await appendGuarded(database, clock, event, async () => false);
      if (!stored) throw new Error("unreachable: an unguarded append was skipped");
      return stored;
    },

    appendUnless: (event, skip) => appendGuarded(database, clock, event, skip),

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
