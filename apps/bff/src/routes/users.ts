import { type Role, UserListResponseSchema, UserSchema } from "@pca/contracts";
import { Router } from "express";
import type { AuthServices } from "../auth/auth-services";
import { presentUser } from "../auth/users";
import type { AppDeps } from "../core/deps";
import { sendFailure } from "../http/error-status";
import { contractFor, inputOf, mountRoute } from "../http/mount";
import { sendJson } from "../http/respond";

const list = contractFor("GET", "/api/users");
const create = contractFor("POST", "/api/users");
const update = contractFor("PATCH", "/api/users/:username");

/** Admin routes for local users. Every change is audited (never with the password). */
export function usersRoutes(deps: AppDeps, auth: AuthServices): Router {
  const router = Router();
  const actorOf = (locals: { actor?: { username: string; role: Role } }) => {
    if (!locals.actor) throw new Error("requireAccess let an anonymous caller through.");
    return locals.actor;
  };

  mountRoute(router, list, async (_req, res) => {
    const users = await auth.users.list();
    sendJson(res, UserListResponseSchema, { users: users.map(presentUser) });
  });

  mountRoute(router, create, async (_req, res) => {
    const actor = actorOf(res.locals);
    const { body } = inputOf(res.locals, create);
    if (await auth.users.find(body.username)) {
      return sendFailure(res, {
        code: "USER_EXISTS",
        message: `A user named ${body.username} already exists.`,
      });
    }
    const audit = {
      actor: actor.username,
      role: actor.role,
      action: "user.create",
      target: body.username,
    } as const;
    await deps.audit.append({
      ...audit,
      outcome: "success",
      requestId: res.locals.requestId,
      details: { role: body.role },
    });
    const row = await auth.users.create(body.username, body.password, body.role);
    if (!row) {
      return sendFailure(res, {
        code: "USER_EXISTS",
        message: `A user named ${body.username} already exists.`,
      });
    }
    sendJson(res, UserSchema, presentUser(row), 201);
  });

  mountRoute(router, update, async (_req, res) => {
    const actor = actorOf(res.locals);
    const { params, body } = inputOf(res.locals, update);
    const current = await auth.users.find(params.username);
    if (!current) {
      return sendFailure(res, {
        code: "USER_NOT_FOUND",
        message: "There is no such user.",
      });
    }
    const losesAdmin =
      current.role === "admin" &&
      current.disabled === 0 &&
      ((body.role !== undefined && body.role !== "admin") || body.disabled === true);
    if (losesAdmin) {
      const admins = (await auth.users.list()).filter((u) => u.role === "admin" && u.disabled === 0);
      if (admins.length <= 1) {
        return sendFailure(res, {
          code: "FORBIDDEN",
          message: "The console needs at least one enabled admin.",
        });
      }
    }
    await deps.audit.append({
      actor: actor.username,
      role: actor.role,
      action: "user.update",
      target: params.username,
      outcome: "success",
      requestId: res.locals.requestId,
      details: { role: body.role, disabled: body.disabled, passwordChanged: body.password !== undefined },
    });
    const row = await auth.users.update(params.username, body);
    if (!row) {
      return sendFailure(res, {
        code: "USER_NOT_FOUND",
        message: "There is no such user.",
      });
    }
    // A new password or a disabled account ends the user's sessions; a role change applies at once anyway.
    if (body.password !== undefined || body.disabled === true)
      await auth.sessions.destroyAllOf(params.username);
    sendJson(res, UserSchema, presentUser(row));
  });

  return router;
}
