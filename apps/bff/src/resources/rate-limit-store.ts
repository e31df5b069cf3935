import type { Store } from "express-rate-limit";
import { type Kysely, sql } from "kysely";
import type { Clock } from "../core/clock";
import type { Database } from "../storage/schema";

/**
 * An express-rate-limit store over the console's database (rate_limit_windows), so every replica
 * counts against one limit. Fixed windows of `windowMs` aligned to the epoch; one row per key,
 * counted by a single upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING), which both engines run
 * atomically: two replicas' hits in one window are never lost. A replica whose clock runs behind
 * counts into the newer window instead of resetting it.
 */
export function createDbRateLimitStore(db: Kysely<Database>, clock: Clock, prefix: string): Store {
  let windowMs = 60_000;
  const bucket = (key: string) => `${prefix}:${key}`;
  return {
    localKeys: false,
    prefix,
    init(options) {
      windowMs = options.windowMs;
    },
    async increment(key) {
      const now = clock.now();
      const start = now - (now % windowMs);
      const row = await db
        .insertInto("rate_limit_windows")
        .values({ bucket: bucket(key), window_start: start, hits: 1 })
        .onConflict((oc) =>
          oc.column("bucket").doUpdateSet({
            hits: sql`case when rate_limit_windows.window_start >= excluded.window_start
              then rate_limit_windows.hits + 1 else 1 end`,
            window_start: sql`case when rate_limit_windows.window_start >= excluded.window_start
              then rate_limit_windows.window_start else excluded.window_start end`,
          }),
        )
        .returning(["hits", "window_start"])
        .executeTakeFirstOrThrow();
      return { totalHits: Number(row.hits), resetTime: new Date(Number(row.window_start) + windowMs) };
    },
    async decrement(key) {
      await db
        .updateTable("rate_limit_windows")
        .set({ hits: sql`hits - 1` })
        .where("bucket", "=", bucket(key))
        .where("hits", ">", 0)
        .execute();
    },
    async resetKey(key) {
      await db.deleteFrom("rate_limit_windows").where("bucket", "=", bucket(key)).execute();
    },
  };
}
