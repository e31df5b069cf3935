import { IssuedCertificateTypeSchema } from "@pca/contracts";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../storage/schema";

/** What an attempt's `requested` event says: enough to look for its certificate and to answer. */
export interface RequestedAttempt {
  readonly attemptId: string;
  readonly seq: number;
  readonly time: number;
  readonly actor: string;
  readonly role: string | null;
  readonly requestId: string | null;
  readonly via: string | null;
  readonly issuerId: string;
  readonly kind: z.infer<typeof IssuedCertificateTypeSchema>;
  readonly spkiSha256: string;
  readonly notBefore: number;
  readonly notAfter: number;
  /** An `unknown` event was written (CCM's answer was lost; a reconciliation may have failed). */
  readonly unknown: boolean;
}

/** How an attempt ended, from its last word in the audit log. */
export interface Settlement {
  readonly action: "succeeded" | "failed" | "reconciled" | "refused" | "unknown";
  readonly certificateId: string | null;
  readonly upstreamRequestId: string | null;
  readonly notBefore: number | null;
  readonly notAfter: number | null;
}

const PREFIX = "certificate.issue.";
/** The events after which an attempt is over (an INTERMEDIATE_CA's `unknown` is handled apart). */
export const TERMINAL = ["succeeded", "failed", "reconciled", "refused"].map((a) => `${PREFIX}${a}`);

const Requested = z.object({
  attempt: z.string(),
  via: z.string().nullish(),
  issuer_id: z.string(),
  type: IssuedCertificateTypeSchema,
  spki_sha256: z.string(),
  not_before: z.number(),
  not_after: z.number(),
});
const Outcome = z.object({
  attempt: z.string(),
  certificate_id: z.string().nullish(),
  not_before: z.number().nullish(),
  not_after: z.number().nullish(),
});

type Row = {
  seq: number;
  time: number;
  actor: string;
  role: string | null;
  action: string;
  request_id: string | null;
  upstream_request_id: string | null;
  details: string;
};

/** The issuance attempts of a stretch of the audit log, by attempt id. */
export class AttemptLedger {
  readonly requested = new Map<string, RequestedAttempt>();
  readonly settled = new Map<string, Settlement>();
  /** Certificates some attempt already names: never the answer to another one. */
  readonly linked = new Set<string>();

  add(row: Row): void {
    const details: unknown = JSON.parse(row.details);
    const action = row.action.slice(PREFIX.length);
    if (action === "requested") {
      const r = Requested.safeParse(details);
      if (!r.success) return;
      this.requested.set(r.data.attempt, {
        attemptId: r.data.attempt,
        seq: row.seq,
        time: row.time,
        actor: row.actor,
        role: row.role,
        requestId: row.request_id,
        via: r.data.via ?? null,
        issuerId: r.data.issuer_id,
        kind: r.data.type,
        spkiSha256: r.data.spki_sha256,
        notBefore: r.data.not_before,
        notAfter: r.data.not_after,
        unknown: false,
      });
      return;
    }
    const o = Outcome.safeParse(details);
    if (!o.success) return;
    const attempt = this.requested.get(o.data.attempt);
    if (action === "unknown") {
      if (attempt) this.requested.set(attempt.attemptId, { ...attempt, unknown: true });
      if (attempt?.kind !== "INTERMEDIATE_CA" || this.settled.has(o.data.attempt)) return;
    }
    if (action !== "unknown" && !TERMINAL.includes(row.action)) return;
    const certificateId = o.data.certificate_id ?? null;
    if (certificateId) this.linked.add(certificateId);
    this.settled.set(o.data.attempt, {
      action: action as Settlement["action"],
      certificateId,
      upstreamRequestId: row.upstream_request_id,
      notBefore: o.data.not_before ?? null,
      notAfter: o.data.not_after ?? null,
    });
  }

  /** Attempts requested at or before `cutoff` that never ended. */
  open(cutoff: number): RequestedAttempt[] {
    return [...this.requested.values()].filter((a) => a.time <= cutoff && !this.settled.has(a.attemptId));
  }
}

const columns = [
  "seq",
  "time",
  "actor",
  "role",
  "action",
  "request_id",
  "upstream_request_id",
  "details",
] as const;

/** The issuance events written since `since` (ms), oldest first. */
export async function readAttemptLedger(db: Kysely<Database>, since: number): Promise<AttemptLedger> {
  const ledger = new AttemptLedger();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .select(columns)
      .where("time", ">=", since)
      .where("seq", ">", after)
      .where("action", "like", `${PREFIX}%`)
      .orderBy("seq", "asc")
      .limit(1000)
      .execute();
    for (const row of rows) ledger.add(row);
    const last = rows.at(-1);
    if (!last || rows.length < 1000) return ledger;
    after = last.seq;
  }
}

/** One attempt's events, found by its id (for a key whose attempt may be older than a ledger). */
export async function readAttempt(db: Kysely<Database>, attemptId: string, since: number) {
  const ledger = new AttemptLedger();
  const rows = await db
    .selectFrom("audit_events")
    .select(columns)
    .where("time", ">=", since)
    .where("action", "like", `${PREFIX}%`)
    .where("details", "like", `%"attempt":"${attemptId.replace(/[^0-9a-zA-Z-]/g, "")}"%`)
    .orderBy("seq", "asc")
    .execute();
  for (const row of rows) ledger.add(row);
  return { requested: ledger.requested.get(attemptId), settled: ledger.settled.get(attemptId) };
}

/** Under the audit lock: has anyone ended this attempt since its `requested` event? */
export async function isSettled(locked: Kysely<Database>, attempt: RequestedAttempt): Promise<boolean> {
  const actions = attempt.kind === "INTERMEDIATE_CA" ? [...TERMINAL, `${PREFIX}unknown`] : TERMINAL;
  const row = await locked
    .selectFrom("audit_events")
    .select(sql<number>`count(*)`.as("n"))
    .where("seq", ">", attempt.seq)
    .where("action", "in", actions)
    .where("details", "like", `%"attempt":"${attempt.attemptId.replace(/[^0-9a-zA-Z-]/g, "")}"%`)
    .executeTakeFirstOrThrow();
  return Number(row.n) > 0;
}
