import { type ApiErrorBody, IssueCertificateResponseSchema } from "@pca/contracts";
import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema";
import type { StoredAnswer } from "../idempotency";
import { type AttemptLedger, type RequestedAttempt, readAttempt, type Settlement } from "./attempt-ledger";

/** A key is read back this long before it was claimed (its attempt's events are newer). */
const MARGIN_MS = 60_000;

/**
 * Settles the Idempotency-Keys a crash left: every key still in flight since before `cutoff`, and
 * the keys of attempts settled in `ledger` that are still in flight or hold an "unknown" answer.
 * A certificate (succeeded or reconciled) completes the key with the 201 a retry replays; an
 * attempt that issued nothing (failed or refused, or never got as far as `requested`) releases the
 * key, so a retry really issues; an INTERMEDIATE_CA of unknown outcome completes it with
 * UPSTREAM_OUTCOME_UNKNOWN. Keys of attempts still open are left for the next run.
 */
export async function settleKeys(
  deps: { readonly db: Kysely<Database> },
  ledger: AttemptLedger,
  cutoff: number,
): Promise<{ keysCompleted: number; keysReleased: number }> {
  const { db } = deps;
  const settledIds = [...ledger.settled.keys()];
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
    const found = row.attempt_id
      ? {
          requested: ledger.requested.get(row.attempt_id),
          settled: ledger.settled.get(row.attempt_id),
        }
      : { requested: undefined, settled: undefined };
    const attempt =
      row.attempt_id && !found.requested
        ? await readAttempt(db, row.attempt_id, row.created_at - MARGIN_MS)
        : found;
    const answer = answerOf(attempt.requested, attempt.settled);
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

const UNKNOWN: ApiErrorBody = {
  error: {
    code: "UPSTREAM_OUTCOME_UNKNOWN",
    message:
      "The console stopped before CCM answered and CCM lists no CA issued from a CSR, so whether it was issued is unknown. Check CCM before trying again.",
    details: { outcome: "unknown" },
  },
};

/** What a retry of the key should get: a stored answer, "release" (issue for real), or "open". */
function answerOf(
  requested: RequestedAttempt | undefined,
  settled: Settlement | undefined,
): StoredAnswer | "release" | "open" {
  if (!settled) return requested ? "open" : "release";
  if (settled.action === "failed" || settled.action === "refused") return "release";
  if (settled.action === "unknown" || !requested || !settled.certificateId) {
    return settled.action === "unknown" ? { status: 502, body: UNKNOWN } : "open";
  }
  const body = IssueCertificateResponseSchema.parse({
    certificate_id: settled.certificateId,
    issuer_id: requested.issuerId,
    type: requested.kind,
    not_before: settled.notBefore ?? requested.notBefore,
    not_after: settled.notAfter ?? requested.notAfter,
    upstream_request_id: settled.upstreamRequestId,
  });
  return { status: 201, body };
}
