import type { AuditChainStatus } from "@pca/contracts";
import type { Kysely } from "kysely";
import type { Database } from "../storage/schema";
import { GENESIS_HASH, hashEvent } from "./chain-hash";

const PAGE = 1000;

/**
 * Recomputes the chain from the first event: each seq follows the last, each `prevHash` is the
 * previous event's hash, each `hash` matches its fields, and the head row points at the last
 * event (so deleting the newest events is noticed too). Names the first broken link.
 */
export async function verifyChain(db: Kysely<Database>): Promise<AuditChainStatus> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number, reason: string): AuditChainStatus => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    reason,
  });
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq", "asc")
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, `Event ${expectedSeq} is missing.`);
      if (row.prev_hash !== prevHash) {
        return broken(row.seq, `Event ${row.seq} does not point at the hash of event ${row.seq - 1}.`);
      }
      const hash = hashEvent(row);
      if (hash !== row.hash) return broken(row.seq, `Event ${row.seq} was changed after it was written.`);
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirst();
  const last = expectedSeq - 1;
  if (!head || head.seq > last) return broken(expectedSeq, `Event ${expectedSeq} is missing.`);
  if (head.seq !== last || head.hash !== prevHash) {
    return broken(last, `Event ${last} is not the one the chain head recorded.`);
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
