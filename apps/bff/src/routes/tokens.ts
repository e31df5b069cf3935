import { ApiTokenListResponseSchema, CreateApiTokenResponseSchema } from "@pca/contracts";
import { Router } from "express";
import { presentToken } from "../auth/api-tokens";
import type { AuthServices } from "../auth/auth-services";
import type { AppDeps } from "../core/deps";
import { sendFailure } from "../http/error-status";
import { contractFor, inputOf, mountRoute } from "../http/mount";
import { sendJson } from "../http/respond";

const list = contractFor("GET", "/api/tokens");
const create = contractFor("POST", "/api/tokens");
const revoke = contractFor("DELETE", "/api/tokens/:tokenId");

/** Admin routes for API tokens: the secret is in the creation answer only; revoking is audited. */
export function tokensRoutes(deps: AppDeps, auth: AuthServices): Router {
  const router = Router();

  mountRoute(router, list, async (_req, res) => {
    const tokens = await auth.tokens.list();
    sendJson(res, ApiTokenListResponseSchema, { tokens: tokens.map(presentToken) });
  });

  mountRoute(router, create, async (_req, res) => {
    const actor = res.locals.actor;
    if (!actor) throw new Error("requireAccess let an anonymous caller through.");
    const { body } = inputOf(res.locals, create);
    const { row, secret } = await auth.tokens.create({ ...body, owner: actor.username });
    try {
      await deps.audit.append({
        actor: actor.username,
        role: actor.role,
        action: "token.create",
        target: row.id,
        outcome: "success",
        requestId: res.locals.requestId,
        details: { name: row.name, role: row.role, expiresAt: row.expires_at },
      });
    } catch (error) {
      await auth.tokens.revoke(row.id);
      throw error;
    }
    res.setHeader("Cache-Control", "no-store");
    sendJson(res, CreateApiTokenResponseSchema, { token: presentToken(row), secret }, 201);
  });

  mountRoute(router, revoke, async (_req, res) => {
    const actor = res.locals.actor;
    if (!actor) throw new Error("requireAccess let an anonymous caller through.");
    const { params } = inputOf(res.locals, revoke);
    const known = await auth.tokens.find(params.tokenId);
    if (!known) return sendFailure(res, { code: "TOKEN_NOT_FOUND", message: "There is no such API token." });
    await deps.audit.append({
      actor: actor.username,
      role: actor.role,
      action: "token.revoke",
      target: params.tokenId,
      outcome: "success",
      requestId: res.locals.requestId,
      details: { name: known.name },
    });
    await auth.tokens.revoke(params.tokenId);
    res.status(204).end();
  });

  return router;
}
