import type { AuditEvent } from "@pca/contracts";
import type { AuditLog, NewAuditEvent } from "../../core/audit-port";

/** An audit log in memory for use-case tests: `failing = true` makes every append reject. */
export class MemoryAudit implements AuditLog {
  readonly events: AuditEvent[] = [];
  failing = false;

  async append(event: NewAuditEvent): Promise<AuditEvent> {
    if (this.failing) throw new Error("audit store unavailable");
    const stored: AuditEvent = {
      seq: this.events.length + 1,
      time: Date.now(),
      actor: event.actor,
      role: event.role,
      action: event.action,
      target: event.target,
      outcome: event.outcome,
      requestId: event.requestId,
      upstreamRequestId: event.upstreamRequestId ?? null,
      details: { ...event.details },
      prevHash: "",
      hash: "",
    };
    this.events.push(stored);
    return stored;
  }

  actions(): string[] {
    return this.events.map((e) => e.action);
  }
}
