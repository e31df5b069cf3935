import { type CommandAction, commandEvent } from "@pca/contracts";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { AuditEventRow, Database } from "../../storage/schema";
import type { CommandRecovery, RequestedAttempt, Settlement } from "../command";

/** A command as recovery sees it: its audit action and how to read and settle its attempts. */
export interface RecoverableCommand<Requested = unknown> {
  readonly action: CommandAction;
  readonly recovery: CommandRecovery<Requested>;
}

/** The stages after which an attempt is over (an `unknown` too when the command says so). */
const TERMINAL = ["succeeded", "failed", "reconciled", "refused"] as const;
const terminalActions = (action: CommandAction) => TERMINAL.map((stage) => commandEvent(action, stage));

/** Every stage's event carries the attempt id it belongs to. */
const Stage = z.object({ attempt: z.string(), via: z.string().nullish() }).loose();

/** The columns of audit_events the ledger reads. */
const columns = [
  "seq",
  "time",
  "actor",
  "role",
  "action",
  "target",
  "request_id",
  "upstream_request_id",
  "details",
] as const satisfies readonly (keyof AuditEventRow)[];

type Row = Pick<AuditEventRow, (typeof columns)[number]>;

/** The attempts of one command in a stretch of the audit log, by attempt id. */
export class AttemptLedger<Requested = unknown> {
  readonly requested = new Map<string, RequestedAttempt<Requested>>();
  readonly settled = new Map<string, Settlement>();
  /** Targets some attempt already names (a certificate, a CA): never the answer to another one. */
  readonly linked = new Set<string>();
  private readonly prefix: string;

  constructor(readonly command: RecoverableCommand<Requested>) {
    this.prefix = `${command.action}.`;
  }

  add(row: Row): void {
    if (!row.action.startsWith(this.prefix)) return;
    const details: unknown = JSON.parse(row.details);
    const stage = Stage.safeParse(details);
    if (!stage.success) return;
    const attemptId = stage.data.attempt;
    const action = row.action.slice(this.prefix.length);
    if (action === "requested") {
      const request = this.command.recovery.parseRequested(details);
      if (request === null) return;
      this.requested.set(attemptId, {
        attemptId,
        seq: row.seq,
        time: row.time,
        actor: row.actor,
        role: row.role,
        requestId: row.request_id,
        via: stage.data.via ?? null,
        request,
        unknown: false,
      });
      return;
    }
    const attempt = this.requested.get(attemptId);
    if (action === "unknown") {
      if (attempt) this.requested.set(attemptId, { ...attempt, unknown: true });
      if (!attempt || !this.command.recovery.unknownIsFinal(attempt.request) || this.settled.has(attemptId))
        return;
    } else if (!(TERMINAL as readonly string[]).includes(action)) return;
    const target = action === "succeeded" || action === "reconciled" ? row.target : null;
    if (target) this.linked.add(target);
    this.settled.set(attemptId, {
      action: action as Settlement["action"],
      target,
      upstreamRequestId: row.upstream_request_id,
      details: details as Record<string, unknown>,
    });
  }

  /** Attempts requested at or before `cutoff` that never ended. */
  open(cutoff: number): RequestedAttempt<Requested>[] {
    return [...this.requested.values()].filter((a) => a.time <= cutoff && !this.settled.has(a.attemptId));
  }
}

/** Only an id's own characters go into a LIKE pattern. */
const attemptPattern = (attemptId: string) => `%"attempt":"${attemptId.replace(/[^0-9a-zA-Z-]/g, "")}"%`;

/** One command's events written since `since` (ms), oldest first. */
export async function readAttemptLedger<R>(
  db: Kysely<Database>,
  command: RecoverableCommand<R>,
  since: number,
): Promise<AttemptLedger<R>> {
  const ledger = new AttemptLedger(command);
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .select(columns)
      .where("time", ">=", since)
      .where("seq", ">", after)
      .where("action", "like", `${command.action}.%`)
      .orderBy("seq", "asc")
      .limit(1000)
      .execute();
    for (const row of rows) ledger.add(row);
    const last = rows.at(-1);
    if (!last || rows.length < 1000) return ledger;
    after = last.seq;
  }
}

/**
 * One attempt's events, found by its id among every command's (for a key whose attempt may be older
 * than a ledger); the command it belongs to comes with it.
 */
export async function readAttempt(
  db: Kysely<Database>,
  commands: readonly RecoverableCommand[],
  attemptId: string,
  since: number,
): Promise<{ command?: RecoverableCommand; requested?: RequestedAttempt; settled?: Settlement }> {
  const rows = await db
    .selectFrom("audit_events")
    .select(columns)
    .where("time", ">=", since)
    .where("details", "like", attemptPattern(attemptId))
    .orderBy("seq", "asc")
    .execute();
  const command = commands.find((c) => rows.some((r) => r.action.startsWith(`${c.action}.`)));
  if (!command) return {};
  const ledger = new AttemptLedger(command);
  for (const row of rows) ledger.add(row);
  return { command, requested: ledger.requested.get(attemptId), settled: ledger.settled.get(attemptId) };
}

/** Under the audit lock: has anyone ended this attempt since its `requested` event? */
export async function isSettled<R>(
  locked: Kysely<Database>,
  command: RecoverableCommand<R>,
  attempt: RequestedAttempt<R>,
): Promise<boolean> {
  const actions = terminalActions(command.action);
  if (command.recovery.unknownIsFinal(attempt.request)) actions.push(commandEvent(command.action, "unknown"));
  const row = await locked
    .selectFrom("audit_events")
    .select(sql<number>`count(*)`.as("n"))
    .where("seq", ">", attempt.seq)
    .where("action", "in", actions)
    .where("details", "like", attemptPattern(attempt.attemptId))
    .executeTakeFirstOrThrow();
  return Number(row.n) > 0;
}
