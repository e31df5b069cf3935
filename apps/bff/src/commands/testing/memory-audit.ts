import type { AuditEvent } from "@pca/contracts";
import { GENESIS_HASH } from "../../audit/chain-hash";
import { eventFromRow, rowOf } from "../../audit/rows";
import type { AuditLog, NewAuditEvent } from "../../core/audit-port";

/**
 * An audit log in memory for use-case tests, its events stored as the real log stores them (the
 * same rows, details as canonical JSON, hashes chained): `failing = true` makes every append reject.
 */
export class MemoryAudit implements AuditLog {
  readonly events: AuditEvent[] = [];
  failing = false;

  async append(event: NewAuditEvent): Promise<AuditEvent> {
    if (this.failing) throw new Error("audit store unavailable");
    const last = this.events.at(-1);
    const link = { seq: (last?.seq ?? 0) + 1, time: Date.now(), prevHash: last?.hash ?? GENESIS_HASH };
    const stored = eventFromRow(rowOf(event, link));
    this.events.push(stored);
    return stored;
  }

  actions(): string[] {
    return this.events.map((e) => e.action);
  }
}
