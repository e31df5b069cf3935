import type { Router } from "express";
import type { AuthServices } from "../auth/auth-services";
import type { AppDeps } from "../core/deps";
import { auditRoutes } from "./audit";
import { casRoutes } from "./cas";
import { certificatesRoutes } from "./certificates";
import { csrRoutes } from "./csr";
import { openApiRoutes } from "./openapi";
import { quotasRoutes } from "./quotas";
import { sessionRoutes } from "./session";
import { tokensRoutes } from "./tokens";
import { usersRoutes } from "./users";

/**
 * The whole /api surface at a glance, every route from API_ROUTES: the platform's (session,
 * users, tokens, audit, openapi) and the resource routes (CAs, CSR preview, certificates).
 * `/healthz`, `/readyz` and `/metrics` sit outside /api (routes/health.ts).
 */
export function apiRouters(deps: AppDeps, auth: AuthServices): Router[] {
  return [
    sessionRoutes(deps, auth),
    usersRoutes(deps, auth),
    tokensRoutes(deps, auth),
    auditRoutes(deps),
    openApiRoutes(deps),
    csrRoutes(deps),
    casRoutes(deps),
    quotasRoutes(deps),
    certificatesRoutes(deps),
  ];
}
