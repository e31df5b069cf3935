import { describe, expect, it } from "vitest";
import type { UpstreamFailure, UpstreamResult } from "../upstream/port";
import type { CommandDefinition, Reconciliation } from "./command";
import { runCommand } from "./run-command";
import { MemoryAudit } from "./testing/memory-audit";

/**
 * The runner's guarantees, shown with a command of its own (not issuance): it asks an upstream to
 * "disable" a CA named in the input. The upstream here is a list of scripted answers, so each case
 * can say exactly what CCM answered and count what was sent.
 */
function disableCommand(answers: UpstreamResult<unknown>[], found: Reconciliation<{ id: string }>) {
  const sent: string[] = [];
  const reconciled: number[] = [];
  const command: CommandDefinition<{ id: string }, { id: string }> = {
    action: "certificate.issue",
    async prepare(input) {
      const id = (input as { id?: unknown }).id;
      if (typeof id !== "string")
        return {
          ok: false,
          refusal: {
            error: { code: "VALIDATION_FAILED", message: "id is required." },
            target: null,
            final: true,
          },
        };
      return { ok: true, value: { id } };
    },
    requested: (p) => ({ target: p.id, details: { ca_id: p.id } }),
    async send(p) {
      sent.push(p.id);
      const next = answers.shift();
      if (!next) throw new Error("a second upstream call: the runner must never retry");
      return next;
    },
    succeeded: (p, _value, upstreamRequestId) => ({
      target: p.id,
      details: { ca_id: p.id, upstream: upstreamRequestId },
      status: 200,
      body: { id: p.id },
    }),
    target: (p) => p.id,
    async reconcile(_p, sentAt) {
      reconciled.push(sentAt);
      return found;
    },
  };
  return { command, sent, reconciled };
}

const ctx = {
  actor: { username: "ada", role: "admin", via: "session" },
  requestId: "req-1",
  attemptId: "attempt-1",
} as const;
const reset: UpstreamFailure = {
  code: "UPSTREAM_UNREACHABLE",
  message: "The connection was reset.",
  outcomeUnknown: true,
};
const stages = (audit: MemoryAudit) => audit.actions().map((a) => a.replace("certificate.issue.", ""));

describe("runCommand", () => {
  it("ok/requested, one call, succeeded, with the attempt id on both events", async () => {
    const audit = new MemoryAudit();
    const { command, sent } = disableCommand([{ ok: true, value: {}, requestId: "up-1" }], {
      kind: "undecidable",
      reason: "-",
    });
    const outcome = await runCommand({ audit, now: () => 5 }, command, ctx, { id: "ca-1" });
    expect(outcome).toEqual({ ok: true, status: 200, value: { id: "ca-1" } });
    expect(sent).toEqual(["ca-1"]);
    expect(stages(audit)).toEqual(["requested", "succeeded"]);
    expect(audit.events.map((e) => e.details.attempt)).toEqual(["attempt-1", "attempt-1"]);
    expect(audit.events[1]?.upstreamRequestId).toBe("up-1");
  });

  it("fail/a refusal is audited and nothing is sent", async () => {
    const audit = new MemoryAudit();
    const { command, sent } = disableCommand([], { kind: "undecidable", reason: "-" });
    const outcome = await runCommand({ audit, now: () => 5 }, command, ctx, {});
    expect(outcome).toMatchObject({ ok: false, stage: "refused", final: true });
    expect(sent).toEqual([]);
    expect(stages(audit)).toEqual(["refused"]);
  });

  it("fail/the audit log is down: nothing is sent, and the answer is not final", async () => {
    const audit = new MemoryAudit();
    audit.failing = true;
    const { command, sent } = disableCommand([], { kind: "undecidable", reason: "-" });
    const outcome = await runCommand({ audit, now: () => 5 }, command, ctx, { id: "ca-1" });
    expect(outcome).toMatchObject({ ok: false, final: false, error: { code: "AUDIT_UNAVAILABLE" } });
    expect(sent).toEqual([]);
  });

  it("fail/CCM refuses: failed, final unless the cause is passing", async () => {
    for (const [code, final] of [
      ["UPSTREAM_REJECTED", true],
      ["UPSTREAM_RATE_LIMITED", false],
    ] as const) {
      const audit = new MemoryAudit();
      const { command, sent } = disableCommand([{ ok: false, error: { code, message: "no" } }], {
        kind: "undecidable",
        reason: "-",
      });
      const outcome = await runCommand({ audit, now: () => 5 }, command, ctx, { id: "ca-1" });
      expect(outcome).toMatchObject({ ok: false, stage: "failed", final, error: { code } });
      expect(sent).toHaveLength(1);
      expect(stages(audit)).toEqual(["requested", "failed"]);
    }
  });

  it("ok/a lost answer is never retried: unknown, then the reconciliation finds the effect", async () => {
    const audit = new MemoryAudit();
    const { command, sent, reconciled } = disableCommand([{ ok: false, error: reset }], {
      kind: "found",
      target: "ca-1",
      details: { ca_id: "ca-1" },
      status: 200,
      body: { id: "ca-1" },
    });
    const outcome = await runCommand({ audit, now: () => 42 }, command, ctx, { id: "ca-1" });
    expect(outcome).toEqual({ ok: true, status: 200, value: { id: "ca-1" } });
    expect(sent).toHaveLength(1);
    expect(reconciled).toEqual([42]);
    expect(stages(audit)).toEqual(["requested", "unknown", "reconciled"]);
    expect(audit.events[2]?.details.after).toBe("UPSTREAM_UNREACHABLE");
  });

  it("fail/a lost answer whose effect is absent is failed; one CCM cannot tell stays unknown", async () => {
    const absent = new MemoryAudit();
    const gone = disableCommand([{ ok: false, error: reset }], {
      kind: "absent",
      reason: "No such change was found",
      details: { checked: 3 },
    });
    const failed = await runCommand({ audit: absent, now: () => 1 }, gone.command, ctx, { id: "ca-1" });
    expect(failed).toMatchObject({ ok: false, stage: "failed", final: true, error: { code: reset.code } });
    expect(stages(absent)).toEqual(["requested", "unknown", "failed"]);
    expect(absent.events[2]?.details).toMatchObject({ reconciled: false, checked: 3 });

    const unsure = new MemoryAudit();
    const dark = disableCommand([{ ok: false, error: reset }], { kind: "undecidable", reason: "cannot" });
    const unknown = await runCommand({ audit: unsure, now: () => 1 }, dark.command, ctx, { id: "ca-1" });
    expect(unknown).toMatchObject({
      ok: false,
      stage: "unknown",
      final: true,
      error: { code: "UPSTREAM_OUTCOME_UNKNOWN" },
    });
    expect(stages(unsure)).toEqual(["requested", "unknown"]);
  });
});
