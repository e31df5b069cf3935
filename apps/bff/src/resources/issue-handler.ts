import type { IssueCertificateResponse } from "@pca/contracts";
import type { Request, RequestHandler, Response } from "express";
import { type RateLimitInfo, rateLimit } from "express-rate-limit";
import { runCommand } from "../commands/run-command";
import type { AppDeps } from "../core/deps";
import { issueCommand } from "../issuance/issue-command";
import { createIssuerCache } from "../issuance/issuer-cache";
import type { PkiReaders } from "../issuance/readers";
import type { IssueDeps } from "../issuance/types";
import { issuances } from "../observability/metrics";
import { commandHandler } from "./command-handler";
import { createDbRateLimitStore } from "./rate-limit-store";
import { actorOf, sendResourceFailure } from "./respond";

function forgetIssuerOf(issuers: { forget(caId: string): void }, body: unknown): void {
  const issuerId = (body as { issuer_id?: unknown } | null)?.issuer_id;
  if (typeof issuerId === "string") issuers.forget(issuerId);
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

  const issue = commandHandler<IssueCertificateResponse>(deps, {
    run: (ctx, input) => {
      const { ccm } = deps.upstream;
      const issuing: IssueDeps = {
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
          deps.logger.error({ action, attempt }, "an issuance outcome could not be written to the audit log"),
      };
      return runCommand(issuing, issueCommand(issuing), ctx, input);
    },
    onOutcome: (outcome, req) => {
      // CCM refused or failed the issuance: the CA may have changed since it was read.
      if (!outcome.ok && outcome.stage !== "refused") forgetIssuerOf(issuers, req.body);
      issuances.inc({ outcome: outcome.ok ? "succeeded" : outcome.stage });
    },
    onReplay: () => issuances.inc({ outcome: "replayed" }),
  });

  return [limiter, issue];
}
