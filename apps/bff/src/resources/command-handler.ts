import { randomUUID } from "node:crypto";
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema } from "@pca/contracts";
import type { Request, RequestHandler, Response } from "express";
import type { CommandContext, CommandOutcome } from "../commands/command";
import { requestHash, runIdempotent, type StoredAnswer } from "../commands/idempotency";
import { createDbIdempotencyStore } from "../commands/idempotency-store";
import type { AppDeps } from "../core/deps";
import { errorEnvelope, statusFor } from "../core/failure";
import { actorOf, sendResourceFailure } from "./respond";

/** How one route runs its command, and what it does with each outcome (metrics, caches). */
export interface CommandRoute<Body> {
  run(ctx: CommandContext, input: unknown, req: Request): Promise<CommandOutcome<Body>>;
  /** Each outcome of a real run (not of a replay). */
  onOutcome?(outcome: CommandOutcome<Body>, req: Request): void;
  /** A repeat answered from its Idempotency-Key record. */
  onReplay?(): void;
}

/** The HTTP answer of an outcome, as stored for Idempotency-Key replays. */
function answerOf<Body>(outcome: CommandOutcome<Body>): { answer: StoredAnswer; final: boolean } {
  if (outcome.ok) return { answer: { status: outcome.status, body: outcome.value }, final: true };
  return {
    answer: { status: statusFor(outcome.error.code), body: errorEnvelope(outcome.error) },
    final: outcome.final,
  };
}

function send(res: Response, answer: StoredAnswer, retryAfter?: number): void {
  if (answer.status === 429 || retryAfter !== undefined)
    res.setHeader("Retry-After", String(retryAfter ?? 1));
  res.status(answer.status).json(answer.body);
}

/**
 * The HTTP side of every state-changing command, after requireAccess: the optional
 * Idempotency-Key (400 IDEMPOTENCY_KEY_INVALID; a repeat replays the first status and body with
 * `Idempotent-Replayed: true`; 409 while the first is in flight; 422 with another body), then the
 * command through the runner, whose outcome is the answer. The key is kept with the attempt's id, so
 * recovery can settle it after a crash. The body is checked by the command itself, so a refused
 * body is audited too.
 */
export function commandHandler<Body>(deps: AppDeps, route: CommandRoute<Body>): RequestHandler {
  const store = createDbIdempotencyStore(deps.db.kysely);
  return async (req, res) => {
    const actor = actorOf(res);
    const ctx: CommandContext = { actor, requestId: res.locals.requestId, attemptId: randomUUID() };
    let retryAfter: number | undefined;
    const run = async () => {
      const outcome = await route.run(ctx, req.body, req);
      if (!outcome.ok) retryAfter = outcome.error.retryAfterSeconds;
      route.onOutcome?.(outcome, req);
      return answerOf(outcome);
    };
    const header = req.get(IDEMPOTENCY_HEADER);
    if (header === undefined) return send(res, (await run()).answer, retryAfter);
    const key = IdempotencyKeySchema.safeParse(header);
    if (!key.success) {
      return sendResourceFailure(res, {
        code: "IDEMPOTENCY_KEY_INVALID",
        message: key.error.issues[0]?.message ?? "",
      });
    }
    const scope = {
      actor: actor.username,
      key: key.data,
      requestHash: requestHash(req.body),
      attemptId: ctx.attemptId,
    };
    const done = await runIdempotent(
      store,
      scope,
      () => deps.clock.now(),
      run,
      (cause) => deps.logger.error({ err: cause }, "the Idempotency-Key record could not be completed"),
    );
    if (done.kind === "refused") return sendResourceFailure(res, done.error);
    if (done.replayed) {
      res.setHeader("Idempotent-Replayed", "true");
      route.onReplay?.();
    }
    send(res, done.answer, done.replayed ? undefined : retryAfter);
  };
}
