import { type Certificate, RoleSchema } from "@pca/contracts";
import type { Kysely } from "kysely";
import type { AuditService } from "../../audit/audit-log";
import type { NewAuditEvent } from "../../core/audit-port";
import type { Database } from "../../storage/schema";
import { IDEMPOTENCY_TTL_MS } from "../idempotency";
import { CLOCK_MARGIN_MS, findIssuedCertificates, type ReconcileDeps } from "../reconcile";
import { isSettled, type RequestedAttempt, readAttemptLedger, type Settlement } from "./attempt-ledger";
import { settleKeys } from "./settle-keys";

export interface RecoveryDeps extends ReconcileDeps {
  readonly db: Kysely<Database>;
  readonly audit: Pick<AuditService, "appendUnless">;
  readonly now: () => number;
}

export interface RecoveryOptions {
  /**
   * Only attempts (and in-flight Idempotency-Keys) older than this are taken for interrupted: a
   * live attempt on any replica ends well within it (CCM's deadline plus one reconciliation).
   */
  readonly olderThanMs: number;
  /** How far back the audit log is read (default: the Idempotency-Key lifetime, 24 h). */
  readonly lookbackMs?: number;
  /** Pages of CCM's certificate list walked, newest first (default 50: 5,000 certificates). */
  readonly maxPages?: number;
}

export interface RecoveryReport {
  /** Interrupted attempts found (requested, never ended). */
  readonly open: number;
  readonly reconciled: number;
  readonly failed: number;
  /** INTERMEDIATE_CA attempts recorded as of unknown outcome (CCM lists no CA to match). */
  readonly unknown: number;
  /** Left for the next run: CCM could not be searched, or another replica settled them first. */
  readonly pending: number;
  readonly keysCompleted: number;
  readonly keysReleased: number;
}

/**
 * Settles what a crash (kill -9, power loss) left behind: issuance attempts with a `requested` event
 * and no `succeeded`/`failed`/`reconciled`, older than `olderThanMs`. As reconcile-unknown does, it
 * looks for a certificate whose public key is the CSR's (one walk of CCM's list for all of them)
 * and records `reconciled` or `failed` (an INTERMEDIATE_CA, which CCM never lists, `unknown`). Each
 * event is appended only if no replica ended the attempt meanwhile (checked under the audit lock).
 * Then the Idempotency-Keys of those attempts, and every key left in flight, are settled
 * (settle-keys.ts) so a client's retry gets the real answer. Safe to run on every replica at once.
 */
export async function recoverInterruptedAttempts(
  deps: RecoveryDeps,
  options: RecoveryOptions,
): Promise<RecoveryReport> {
  const now = deps.now();
  const cutoff = now - options.olderThanMs;
  const ledger = await readAttemptLedger(deps.db, now - (options.lookbackMs ?? IDEMPOTENCY_TTL_MS));
  const open = ledger.open(cutoff);
  const counts = { reconciled: 0, failed: 0, unknown: 0, pending: 0 };
  const settle = async (attempt: RequestedAttempt, event: NewAuditEvent, settlement: Settlement) => {
    const written = await deps.audit.appendUnless(event, (locked) => isSettled(locked, attempt));
    if (!written) {
      counts.pending++;
      return;
    }
    ledger.settled.set(attempt.attemptId, settlement);
    counts[
      settlement.action === "reconciled"
        ? "reconciled"
        : settlement.action === "failed"
          ? "failed"
          : "unknown"
    ]++;
  };

  for (const attempt of open.filter((a) => a.kind === "INTERMEDIATE_CA")) {
    await settle(
      attempt,
      eventOf(attempt, "unknown", "unknown", attempt.issuerId, {
        code: "UPSTREAM_OUTCOME_UNKNOWN",
        reason: "The console stopped before CCM answered, and CCM lists no CA issued from a CSR to match.",
      }),
      none("unknown"),
    );
  }
  const entities = open.filter((a) => a.kind === "ENTITY_CERT");
  if (entities.length > 0) {
    const since = Math.min(...entities.map((a) => a.time)) - CLOCK_MARGIN_MS;
    const searched = await findIssuedCertificates(deps, entities, since, {
      maxPages: options.maxPages ?? 50,
      exclude: ledger.linked,
    });
    if (searched.kind === "unavailable") counts.pending += entities.length;
    else {
      for (const attempt of entities) {
        const certificate = searched.found.get(attempt.attemptId);
        if (certificate)
          await settle(attempt, reconciledEvent(attempt, certificate), settlementOf(certificate));
        else {
          await settle(
            attempt,
            eventOf(attempt, "failed", "failure", attempt.issuerId, {
              code: "UPSTREAM_OUTCOME_UNKNOWN",
              reconciled: false,
              reason:
                "The console stopped before CCM answered; no certificate with the CSR's public key was found.",
              checked: searched.checked,
            }),
            none("failed"),
          );
        }
      }
    }
  }
  const keys = await settleKeys(deps, ledger, cutoff);
  return { open: open.length, ...counts, ...keys };
}

function eventOf(
  a: RequestedAttempt,
  action: "reconciled" | "failed" | "unknown",
  outcome: "success" | "failure" | "unknown",
  target: string,
  details: Record<string, unknown>,
): NewAuditEvent {
  return {
    actor: a.actor,
    role: RoleSchema.safeParse(a.role).data ?? null,
    action: `certificate.issue.${action}`,
    target,
    outcome,
    requestId: a.requestId,
    upstreamRequestId: null,
    details: { attempt: a.attemptId, via: a.via, recovered: true, ...details },
  };
}

function reconciledEvent(a: RequestedAttempt, c: Certificate): NewAuditEvent {
  return eventOf(a, "reconciled", "success", c.certificate_id, {
    certificate_id: c.certificate_id,
    issuer_id: a.issuerId,
    after: "INTERRUPTED",
    not_before: c.not_before ?? undefined,
    not_after: c.not_after ?? undefined,
  });
}

function settlementOf(c: Certificate): Settlement {
  return {
    action: "reconciled",
    certificateId: c.certificate_id,
    upstreamRequestId: null,
    notBefore: c.not_before ?? null,
    notAfter: c.not_after ?? null,
  };
}

function none(action: "failed" | "unknown"): Settlement {
  return { action, certificateId: null, upstreamRequestId: null, notBefore: null, notAfter: null };
}
