import { randomUUID } from "node:crypto";
import {
  type ApiErrorBody,
  type Failure,
  IDEMPOTENCY_HEADER,
  IdempotencyKeySchema,
  IssueCertificateResponseSchema,
} from "@pca/contracts";
import type { Request, RequestHandler, Response } from "express";
import { type RateLimitInfo, rateLimit } from "express-rate-limit";
import type { AppDeps } from "../core/deps";
import type { CodedFailure } from "../core/failure";
import { statusFor } from "../core/failure";
import { requestHash, runIdempotent, type StoredAnswer } from "../issuance/idempotency";
import { createDbIdempotencyStore } from "../issuance/idempotency-store";
import { type IssueOutcome, issueCertificate } from "../issuance/issue-certificate";
import { createIssuerCache } from "../issuance/issuer-cache";
import type { PkiReaders } from "../issuance/readers";
import { issuances } from "../observability/metrics";
import { upstreamOf } from "../upstream/from-deps";
import { createDbRateLimitStore } from "./rate-limit-store";
import { actorOf, sendResourceFailure } from "./respond";

function envelope(failure: CodedFailure): ApiErrorBody {
  return {
    error: {
      code: failure.code,
      message: failure.message,
      ...(failure.details === undefined ? {} : { details: { ...failure.details } }),
      ...(failure.upstream === undefined ? {} : { upstream: failure.upstream }),
    },
  };
}

/** The HTTP answer of an outcome, as stored for Idempotency-Key replays. */
function answerOf(outcome: IssueOutcome): { answer: StoredAnswer; final: boolean } {
  if (outcome.ok) {
    return {
      answer: { status: 201, body: IssueCertificateResponseSchema.parse(outcome.value) },
      final: true,
    };
  }
  return {
    answer: { status: statusFor(outcome.error.code), body: envelope(outcome.error) },
    final: outcome.final,
  };
}

function forgetIssuerOf(issuers: { forget(caId: string): void }, body: unknown): void {
  const issuerId = (body as { issuer_id?: unknown } | null)?.issuer_id;
  if (typeof issuerId === "string") issuers.forget(issuerId);
}

function send(res: Response, answer: StoredAnswer, retryAfter?: number): void {
  if (answer.status === 429 || retryAfter !== undefined)
    res.setHeader("Retry-After", String(retryAfter ?? 1));
  res.status(answer.status).json(answer.body);
}

/**
 * `POST /api/certificates` after requireAccess: the per-user rate limit, shared by the replicas
 * (429 RATE_LIMITED with Retry-After), then the Idempotency-Key (optional; 400 IDEMPOTENCY_KEY_INVALID, 409 in flight,
 * 422 reused with another body; a repeat replays the first status and body), then the use case.
 * The body is validated by the use case itself (same schema and field codes as validate()), so a
 * refused body is audited as `certificate.issue.refused` too.
 */
export function issueHandlers(
  deps: AppDeps,
  readers: PkiReaders,
  options: { readonly perMinute?: number } = {},
): RequestHandler[] {
  const store = createDbIdempotencyStore(deps.db.kysely);
  const issuers = createIssuerCache({
    ttlMs: deps.config.ISSUER_CACHE_SECONDS * 1000,
    now: () => deps.clock.now(),
  });
  const perMinute = options.perMinute ?? deps.config.ISSUE_RATE_LIMIT_PER_MINUTE;
  // Counted in the database, so the limit is per user across every replica.
  const limiter = rateLimit({
    store: createDbRateLimitStore(deps.db.kysely, deps.clock, "issue"),
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (_req: Request, res: Response) => actorOf(res).username,
    handler: (req: Request, res: Response) => {
      const reset = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime?.getTime();
      const seconds = reset === undefined ? 60 : Math.max(1, Math.ceil((reset - deps.clock.now()) / 1000));
      sendResourceFailure(res, {
        code: "RATE_LIMITED",
        message: `At most ${perMinute} certificates per minute per user; try again in ${seconds} s.`,
        retryAfterSeconds: seconds,
      });
    },
  });

  const issue: RequestHandler = async (req, res) => {
    const actor = actorOf(res);
    const attemptId = randomUUID();
    let retryAfter: number | undefined;
    const run = async () => {
      const { ccm } = upstreamOf(deps);
      const outcome = await issueCertificate(
        {
          ...readers,
          ccm: {
            showCertificateAuthority: (caId) => issuers.show(ccm, caId),
            createCertificateByCsr: (body) => ccm.createCertificateByCsr(body),
            listCertificates: (query) => ccm.listCertificates(query),
            exportCertificate: (id, body) => ccm.exportCertificate(id, body),
          },
          audit: deps.audit,
          now: () => deps.clock.now(),
          onAuditLost: (action, attempt) =>
            deps.logger.error(
              { action, attempt },
              "an issuance outcome could not be written to the audit log",
            ),
        },
        { actor, requestId: res.locals.requestId, body: req.body, attemptId },
      );
      if (!outcome.ok) retryAfter = outcome.error.retryAfterSeconds;
      // CCM refused or failed the issuance: the CA may have changed since it was read.
      if (!outcome.ok && outcome.stage !== "refused") forgetIssuerOf(issuers, req.body);
      issuances.inc({ outcome: outcome.ok ? "succeeded" : outcome.stage });
      return answerOf(outcome);
    };
    const header = req.get(IDEMPOTENCY_HEADER);
    if (header === undefined) return send(res, (await run()).answer, retryAfter);
    const key = IdempotencyKeySchema.safeParse(header);
    if (!key.success) {
      const failure: Failure = {
        code: "IDEMPOTENCY_KEY_INVALID",
        message: key.error.issues[0]?.message ?? "",
      };
      return sendResourceFailure(res, failure);
    }
    const scope = { actor: actor.username, key: key.data, requestHash: requestHash(req.body), attemptId };
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
      issuances.inc({ outcome: "replayed" });
    }
    send(res, done.answer, done.replayed ? undefined : retryAfter);
  };

  return [limiter, issue];
}
