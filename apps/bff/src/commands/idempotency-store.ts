import type { Kysely } from "kysely";
import type { Database } from "../storage/schema";
import {
  type Claim,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyScope,
  type IdempotencyStore,
  type StoredAnswer,
} from "./idempotency";

/**
 * Idempotency keys in the console's database (the platform's idempotency_keys table), so every
 * replica sees the same keys. A claim is one INSERT … ON CONFLICT DO NOTHING on the (actor, key)
 * primary key: the database, not this process, decides which of two concurrent claims wins.
 */
export function createDbIdempotencyStore(db: Kysely<Database>, ttlMs = IDEMPOTENCY_TTL_MS): IdempotencyStore {
  const insert = async ({ actor, key, requestHash, attemptId }: IdempotencyScope, now: number) => {
    const result = await db
      .insertInto("idempotency_keys")
      .values({
        actor,
        key,
        request_hash: requestHash,
        state: "in_flight",
        status_code: null,
        response_body: null,
        created_at: now,
        expires_at: now + ttlMs,
        attempt_id: attemptId ?? null,
      })
      .onConflict((oc) => oc.columns(["actor", "key"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  };

  return {
    async claim(scope, now): Promise<Claim> {
      const { actor, key, requestHash } = scope;
      if (await insert(scope, now)) return { kind: "claimed" };
      const expired = await db
        .deleteFrom("idempotency_keys")
        .where("actor", "=", actor)
        .where("key", "=", key)
        .where("expires_at", "<", now)
        .executeTakeFirst();
      if (Number(expired.numDeletedRows) > 0 && (await insert(scope, now))) {
        return { kind: "claimed" };
      }
      const row = await db
        .selectFrom("idempotency_keys")
        .select(["request_hash", "state", "status_code", "response_body"])
        .where("actor", "=", actor)
        .where("key", "=", key)
        .executeTakeFirst();
      // Deleted between our insert and select (released by its owner): claim it again.
      if (!row) return (await insert(scope, now)) ? { kind: "claimed" } : { kind: "in-flight" };
      if (row.request_hash !== requestHash) return { kind: "mismatch" };
      if (row.state !== "done" || row.status_code === null || row.response_body === null) {
        return { kind: "in-flight" };
      }
      const answer: StoredAnswer = { status: row.status_code, body: JSON.parse(row.response_body) };
      return { kind: "replay", answer };
    },

    async complete({ actor, key }, answer): Promise<void> {
      await db
        .updateTable("idempotency_keys")
        .set({ state: "done", status_code: answer.status, response_body: JSON.stringify(answer.body) })
        .where("actor", "=", actor)
        .where("key", "=", key)
        .execute();
    },

    async release({ actor, key }): Promise<void> {
      await db
        .deleteFrom("idempotency_keys")
        .where("actor", "=", actor)
        .where("key", "=", key)
        .where("state", "=", "in_flight")
        .execute();
    },
  };
}
