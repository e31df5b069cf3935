import { z } from "zod";
import { CertificateListQuerySchema } from "../ccm/certificate";
import {
  CaListQuerySchema,
  CaListResponseSchema,
  CertificateAuthoritySchema,
} from "../ccm/certificate-authority";
import { CreateCertificateByCsrRequestSchema } from "../ccm/create-certificate-by-csr";
import { AuditChainStatusSchema, AuditListResponseSchema, AuditQuerySchema } from "./audit";
import { CaCertificateResponseSchema, CaCsrResponseSchema, CaIdParamsSchema } from "./cas";
import {
  CertificateDetailResponseSchema,
  CertificateIdParamsSchema,
  CertificateListApiResponseSchema,
  IssueCertificateResponseSchema,
} from "./certificates";
import { CsrPreviewRequestSchema, CsrPreviewResponseSchema } from "./csr";
import { HealthResponseSchema, ReadyResponseSchema } from "./health";
import { QuotaUsageSchema } from "./quotas";
import { LoginRequestSchema, type Role, SessionInfoSchema } from "./session";
import {
  ApiTokenListResponseSchema,
  CreateApiTokenRequestSchema,
  CreateApiTokenResponseSchema,
  CreateUserRequestSchema,
  TokenIdSchema,
  UpdateUserRequestSchema,
  UserListResponseSchema,
  UserSchema,
} from "./users";

/** Who may call a route: anyone, any signed-in user, or a role and the roles above it. */
export type Access = "public" | "authenticated" | Role;

/** What a route sends back: JSON of a schema, a file of a media type, or nothing (204). */
export type RouteResponse =
  | { readonly kind: "json"; readonly schema: z.ZodType }
  | { readonly kind: "file"; readonly mediaType: string }
  | { readonly kind: "text"; readonly mediaType: string }
  | { readonly kind: "empty" };

export interface RouteContract {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Express-style path. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: RouteResponse;
}

const json = (schema: z.ZodType): RouteResponse => ({ kind: "json", schema });
const UsernameParamsSchema = z.strictObject({ username: z.string().min(1).max(64) });
const TokenParamsSchema = z.strictObject({ tokenId: TokenIdSchema });

/**
 * Every route of the console's HTTP surface, in one list. The BFF mounts from it, the OpenAPI
 * document is generated from it, and the authorization-matrix test walks it, so a route cannot be
 * added without a contract, a role and a test row.
 */
export const API_ROUTES = [
  {
    method: "GET",
    path: "/healthz",
    summary: "Liveness",
    access: "public",
    response: json(HealthResponseSchema),
  },
  {
    method: "GET",
    path: "/readyz",
    summary: "Readiness: database and upstream",
    access: "public",
    response: json(ReadyResponseSchema),
  },
  {
    method: "GET",
    path: "/metrics",
    summary: "Prometheus metrics",
    access: "public",
    response: { kind: "text", mediaType: "text/plain" },
  },
  {
    method: "POST",
    path: "/api/session",
    summary: "Sign in",
    access: "public",
    body: LoginRequestSchema,
    response: json(SessionInfoSchema),
  },
  {
    method: "GET",
    path: "/api/session",
    summary: "Who am I, and the CSRF token",
    access: "authenticated",
    response: json(SessionInfoSchema),
  },
  {
    method: "DELETE",
    path: "/api/session",
    summary: "Sign out",
    access: "authenticated",
    response: { kind: "empty" },
  },
  {
    method: "POST",
    path: "/api/csr/preview",
    summary: "Decode, preview and lint a CSR",
    access: "viewer",
    body: CsrPreviewRequestSchema,
    response: json(CsrPreviewResponseSchema),
  },
  {
    method: "GET",
    path: "/api/cas",
    summary: "List CAs",
    access: "viewer",
    query: CaListQuerySchema,
    response: json(CaListResponseSchema),
  },
  {
    method: "GET",
    path: "/api/cas/:caId",
    summary: "CA detail",
    access: "viewer",
    params: CaIdParamsSchema,
    response: json(CertificateAuthoritySchema),
  },
  {
    method: "GET",
    path: "/api/cas/:caId/csr",
    summary: "A PENDING CA's CSR with its preview",
    access: "viewer",
    params: CaIdParamsSchema,
    response: json(CaCsrResponseSchema),
  },
  {
    method: "GET",
    path: "/api/cas/:caId/csr.pem",
    summary: "Download a PENDING CA's CSR",
    access: "viewer",
    params: CaIdParamsSchema,
    response: { kind: "file", mediaType: "application/pkcs10" },
  },
  {
    method: "GET",
    path: "/api/cas/:caId/certificate",
    summary: "An ACTIVED/EXPIRED CA's certificate and chain, decoded",
    access: "viewer",
    params: CaIdParamsSchema,
    response: json(CaCertificateResponseSchema),
  },
  {
    method: "GET",
    path: "/api/cas/:caId/certificate.pem",
    summary: "Download a CA's certificate and chain",
    access: "viewer",
    params: CaIdParamsSchema,
    response: { kind: "file", mediaType: "application/x-pem-file" },
  },
  {
    method: "GET",
    path: "/api/quotas/cas",
    summary: "CA quota: how many CAs exist and how many may",
    access: "viewer",
    response: json(QuotaUsageSchema),
  },
  {
    method: "POST",
    path: "/api/certificates",
    summary: "Issue a certificate from a CSR",
    access: "issuer",
    body: CreateCertificateByCsrRequestSchema,
    response: json(IssueCertificateResponseSchema),
  },
  {
    method: "GET",
    path: "/api/certificates",
    summary: "List issued certificates",
    access: "viewer",
    query: CertificateListQuerySchema,
    response: json(CertificateListApiResponseSchema),
  },
  {
    method: "GET",
    path: "/api/certificates/:id",
    summary: "Certificate detail, decoded",
    access: "viewer",
    params: CertificateIdParamsSchema,
    response: json(CertificateDetailResponseSchema),
  },
  {
    method: "GET",
    path: "/api/certificates/:id/pem",
    summary: "Download a certificate",
    access: "viewer",
    params: CertificateIdParamsSchema,
    response: { kind: "file", mediaType: "application/x-pem-file" },
  },
  {
    method: "GET",
    path: "/api/certificates/:id/chain.pem",
    summary: "Download a certificate with its chain",
    access: "viewer",
    params: CertificateIdParamsSchema,
    response: { kind: "file", mediaType: "application/x-pem-file" },
  },
  {
    method: "GET",
    path: "/api/audit",
    summary: "Audit events",
    access: "admin",
    query: AuditQuerySchema,
    response: json(AuditListResponseSchema),
  },
  {
    method: "GET",
    path: "/api/audit.csv",
    summary: "Export audit events as CSV",
    access: "admin",
    query: AuditQuerySchema,
    response: { kind: "file", mediaType: "text/csv" },
  },
  {
    method: "GET",
    path: "/api/audit.json",
    summary: "Export audit events as JSON",
    access: "admin",
    query: AuditQuerySchema,
    response: { kind: "file", mediaType: "application/json" },
  },
  {
    method: "GET",
    path: "/api/audit/verify",
    summary: "Recompute the audit hash chain",
    access: "admin",
    response: json(AuditChainStatusSchema),
  },
  {
    method: "GET",
    path: "/api/users",
    summary: "List users",
    access: "admin",
    response: json(UserListResponseSchema),
  },
  {
    method: "POST",
    path: "/api/users",
    summary: "Create a user",
    access: "admin",
    body: CreateUserRequestSchema,
    response: json(UserSchema),
  },
  {
    method: "PATCH",
    path: "/api/users/:username",
    summary: "Change a user's role, password or state",
    access: "admin",
    params: UsernameParamsSchema,
    body: UpdateUserRequestSchema,
    response: json(UserSchema),
  },
  {
    method: "GET",
    path: "/api/tokens",
    summary: "List API tokens",
    access: "admin",
    response: json(ApiTokenListResponseSchema),
  },
  {
    method: "POST",
    path: "/api/tokens",
    summary: "Create an API token (its secret is shown once)",
    access: "admin",
    body: CreateApiTokenRequestSchema,
    response: json(CreateApiTokenResponseSchema),
  },
  {
    method: "DELETE",
    path: "/api/tokens/:tokenId",
    summary: "Revoke an API token",
    access: "admin",
    params: TokenParamsSchema,
    response: { kind: "empty" },
  },
  {
    method: "GET",
    path: "/api/openapi.json",
    summary: "This API as OpenAPI 3.1",
    access: "public",
    response: { kind: "json", schema: z.record(z.string(), z.unknown()) },
  },
] as const satisfies readonly RouteContract[];
