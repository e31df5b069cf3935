import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema";
import type { RequestedAttempt, Settlement } from "../command";
import { type AttemptLedger, type RecoverableCommand, readAttempt } from "./attempt-ledger";

/** A key is read back this long before it was claimed (its attempt's events are newer). */
const MARGIN_MS = 60_000;

/**
 * Settles the Idempotency-Keys a crash left: every key still in flight since before `cutoff`, and
 * the keys of attempts settled in `ledgers` that are still in flight or hold an "unknown" answer.
 * The attempt's command says what a retry of the key gets (CommandRecovery.answer): a stored
 * answer completes the key (an issuance's 201, or UPSTREAM_OUTCOME_UNKNOWN), "release" forgets it so
 * a retry really runs (nothing happened, or the request never got as far as `requested`), "open"
 * leaves it for the next run.
 */
export async function settleKeys(
  deps: { readonly db: Kysely<Database> },
  commands: readonly RecoverableCommand[],
  ledgers: readonly AttemptLedger[],
  cutoff: number,
): Promise<{ keysCompleted: number; keysReleased: number }> {
  const { db } = deps;
  const settledIds = ledgers.flatMap((ledger) => [...ledger.settled.keys()]);
  const rows = await db
    .selectFrom("idempotency_keys")
    .select(["actor", "key", "state", "response_body", "attempt_id", "created_at"])
    .where((eb) =>
      eb.or([
        eb.and([eb("state", "=", "in_flight"), eb("created_at", "<=", cutoff)]),
        ...(settledIds.length > 0 ? [eb("attempt_id", "in", settledIds)] : []),
      ]),
    )
    .execute();
  let keysCompleted = 0;
  let keysReleased = 0;
  for (const row of rows) {
    if (row.state === "done" && !row.response_body?.includes('"UPSTREAM_OUTCOME_UNKNOWN"')) continue;
    const id = row.attempt_id;
    const inLedger = id ? ledgers.find((ledger) => ledger.requested.has(id)) : undefined;
    const attempt: { command?: RecoverableCommand; requested?: RequestedAttempt; settled?: Settlement } =
      id === null
        ? {}
        : inLedger
          ? {
              command: inLedger.command,
              requested: inLedger.requested.get(id),
              settled: inLedger.settled.get(id),
            }
          : await readAttempt(db, commands, id, row.created_at - MARGIN_MS);
    // A key that never got as far as a `requested` event: nothing happened, a retry really runs.
    const answer = attempt.command
      ? attempt.command.recovery.answer(attempt.requested?.request, attempt.settled)
      : "release";
    if (answer === "open") continue;
    const where = db
      .updateTable("idempotency_keys")
      .where("actor", "=", row.actor)
      .where("key", "=", row.key)
      .where("state", "=", row.state);
    if (answer === "release") {
      const gone = await db
        .deleteFrom("idempotency_keys")
        .where("actor", "=", row.actor)
        .where("key", "=", row.key)
        .where("state", "=", row.state)
        .executeTakeFirst();
      keysReleased += Number(gone.numDeletedRows) > 0 ? 1 : 0;
      continue;
    }
    const done = await where
      .set({ state: "done", status_code: answer.status, response_body: JSON.stringify(answer.body) })
      .executeTakeFirst();
    keysCompleted += Number(done.numUpdatedRows) > 0 ? 1 : 0;
  }
  return { keysCompleted, keysReleased };
}
