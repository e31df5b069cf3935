import type BetterSqlite3 from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import type { NewAuditEvent } from "../core/audit-port";
import type { Clock } from "../core/clock";
import { CodedError } from "../core/failure";
import type { AuditEventRow, Database } from "../storage/schema";
import type { Storage } from "../storage/storage";
import { AUDIT_EVENT_COLUMNS, rowOf } from "./rows";

/*
 * Writing the hash chain. Every append stores an event with its hash and the new chain head at
 * once or not at all, serial with every other append across connections and processes; a failed
 * append rejects with AUDIT_UNAVAILABLE. Each engine has its fast path for plain appends; the
 * guarded append (for recovery's write-once events) is the same on both.
 */

/** The console's database as the audit log uses it (openStorage's Storage). */
export type AuditDatabase = Pick<Storage, "kysely" | "dialect" | "sqlite">;

interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The row that follows `head`, written now. */
const nextRow = (head: ChainHead, clock: Clock, event: NewAuditEvent): AuditEventRow =>
  rowOf(event, { seq: head.seq + 1, time: clock.now(), prevHash: head.hash });

const unavailable = (cause: unknown) =>
  new CodedError(
    { code: "AUDIT_UNAVAILABLE", message: "The audit log cannot be written; nothing was done." },
    { cause },
  );

/**
 * The guarded append, on either engine: one transaction that first locks the chain-head row and
 * reads it (one UPDATE … RETURNING: the lock that makes appends serial across connections and
 * processes), then inserts the event and moves the head; `skip` runs under that lock, so of
 * concurrent guarded appends each sees every event stored before it. Resolves null when skipped.
 */
async function appendGuarded(
  db: Kysely<Database>,
  clock: Clock,
  event: NewAuditEvent,
  skip: (locked: Kysely<Database>) => Promise<boolean>,
): Promise<AuditEventRow | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const head = await trx
        .updateTable("audit_head")
        .set({ seq: sql`seq` })
        .where("id", "=", 1)
        .returning(["seq", "hash"])
        .executeTakeFirstOrThrow();
      if (await skip(trx)) return null;
      const stored = nextRow(head, clock, event);
      await trx.insertInto("audit_events").values(stored).execute();
      await trx
        .updateTable("audit_head")
        .set({ seq: stored.seq, hash: stored.hash })
        .where("id", "=", 1)
        .execute();
      return stored;
    });
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
  db: Kysely<Database>,
  file: BetterSqlite3.Database,
  clock: Clock,
): (event: NewAuditEvent) => Promise<AuditEventRow> {
  let append: BetterSqlite3.Transaction<(event: NewAuditEvent) => AuditEventRow> | undefined;
  const prepared = () => {
    const head = file.prepare<[], ChainHead>("select seq, hash from audit_head where id = 1");
    const insert = file.prepare<[AuditEventRow]>(
      `insert into audit_events (${AUDIT_EVENT_COLUMNS.join(", ")})
        values (${AUDIT_EVENT_COLUMNS.map((column) => `@${column}`).join(", ")})`,
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
      return await db.connection().execute(async () => {
        append ??= prepared();
        return append.immediate(event);
      });
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
function postgresAppend(
  db: Kysely<Database>,
  clock: Clock,
): (event: NewAuditEvent) => Promise<AuditEventRow> {
  let head: ChainHead | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const columns = sql.join(AUDIT_EVENT_COLUMNS.map((column) => sql.ref(column)));
  // A select list's parameters have no type of their own: the numbers (seq, time) say bigint.
  const valuesOf = (r: AuditEventRow) =>
    sql.join(
      AUDIT_EVENT_COLUMNS.map((column) => {
        const value = r[column];
        return typeof value === "number" ? sql`${value}::bigint` : sql`${value}`;
      }),
    );
  const readHead = () =>
    db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirstOrThrow();
  const attempt = async (event: NewAuditEvent): Promise<AuditEventRow> => {
    for (let tries = 0; tries < 100; tries++) {
      head ??= await readHead();
      const r = nextRow(head, clock, event);
      const written = await sql`with moved as (
          update audit_head set seq = ${r.seq}, hash = ${r.hash}
          where id = 1 and seq = ${head.seq} and hash = ${head.hash} returning id)
        insert into audit_events (${columns}) select ${valuesOf(r)} from moved`.execute(db);
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
    return run.catch((cause) => {
      head = undefined;
      throw unavailable(cause);
    });
  };
}

/** How the audit log writes: the engine's fast path for plain appends, the guarded one for the rest. */
export interface ChainWriter {
  append(event: NewAuditEvent): Promise<AuditEventRow>;
  /** Appends unless `skip`, run under the chain-head lock, resolves true; null when skipped. */
  appendUnless(
    event: NewAuditEvent,
    skip: (locked: Kysely<Database>) => Promise<boolean>,
  ): Promise<AuditEventRow | null>;
}

export function chainWriter(database: AuditDatabase, clock: Clock): ChainWriter {
  const db = database.kysely;
  const guarded = (event: NewAuditEvent, skip: (locked: Kysely<Database>) => Promise<boolean>) =>
    appendGuarded(db, clock, event, skip);
  const append = database.sqlite
    ? sqliteAppend(db, database.sqlite, clock)
    : database.dialect === "postgres"
      ? postgresAppend(db, clock)
      : async (event: NewAuditEvent) => {
          const stored = await guarded(event, async () => false);
          if (!stored) throw new Error("unreachable: an unguarded append was skipped");
          return stored;
        };
  return { append, appendUnless: guarded };
}
