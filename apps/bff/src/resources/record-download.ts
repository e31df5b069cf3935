import type { AuditAction } from "@pca/contracts";
import type { Actor } from "../core/actor";
import type { AuditLog } from "../core/audit-port";
import type { CodedFailure } from "../core/failure";

export interface Download {
  readonly actor: Actor;
  readonly requestId: string;
  readonly action: Extract<AuditAction, "ca.csr.export" | "certificate.download" | "ca.certificate.download">;
  readonly target: string;
  readonly details: Record<string, unknown>;
}

/**
 * Records a CSR export or a download before the file leaves. Like issuance, it fails closed:
 * when the event cannot be stored, nothing is sent (AUDIT_UNAVAILABLE).
 */
export async function recordDownload(audit: AuditLog, d: Download): Promise<CodedFailure | undefined> {
  try {
    await audit.append({
      actor: d.actor.username,
      role: d.actor.role,
      action: d.action,
      target: d.target,
      outcome: "success",
      requestId: d.requestId,
      details: { via: d.actor.via, ...d.details },
    });
    return undefined;
  } catch {
    return {
      code: "AUDIT_UNAVAILABLE",
      message: "The audit log cannot be written, so the file was not sent. Try again shortly.",
    };
  }
}
