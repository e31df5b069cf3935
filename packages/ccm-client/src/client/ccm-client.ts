import {
  type CaListQuery,
  CaListQuerySchema,
  type CaListResponse,
  CaListResponseSchema,
  CcmIdSchema,
  type Certificate,
  type CertificateAuthority,
  CertificateAuthoritySchema,
  type CertificateListQuery,
  CertificateListQuerySchema,
  type CertificateListResponse,
  CertificateListResponseSchema,
  CertificateSchema,
  CREATE_CERTIFICATE_BY_CSR_CODES,
  type CreateCertificateByCsrRequest,
  CreateCertificateByCsrRequestSchema,
  type CreateCertificateByCsrResponse,
  CreateCertificateByCsrResponseSchema,
  type ExportCaCertificateResponse,
  ExportCaCertificateResponseSchema,
  type ExportCaCsrResponse,
  ExportCaCsrResponseSchema,
  type ExportCertificateRequest,
  ExportCertificateRequestSchema,
  type ExportCertificateResponse,
  ExportCertificateResponseSchema,
  type Failure,
  type FieldCodes,
  type IssueDetail,
  parseWith,
} from "@pca/contracts";
import { type CcmResult, ccmFail } from "../errors";
import { type BackoffOptions, sleep } from "../http/backoff";
import { createUndiciTransport, type Transport } from "../http/transport";
import { type CcmEndpoint, resolveCcmEndpoint } from "../regions";
import type { QueryParams, QueryValue } from "../sign/canonical";
import type { CcmCredentials } from "./credentials";
import { type CcmCall, type ExchangeContext, exchange } from "./exchange";
import { jsonReader, parseJson, type ResponseReader } from "./interpret";

export interface CcmClientOptions {
  readonly endpoint: CcmEndpoint;
  readonly credentials: CcmCredentials;
  /** Defaults to an undici keep-alive transport built with `connectTimeoutMs`. */
  readonly transport?: Transport;
  /** Connect deadline of the default transport (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** Deadline of one HTTP exchange, connect to last body byte (default 15 s). */
  readonly timeoutMs?: number;
  /** GET retry policy (default 3 attempts, 100 ms base, 2 s cap). POSTs are never retried. */
  readonly retry?: BackoffOptions;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** ExportCertificate's answer: JSON PEMs, or the zip CCM sends for `is_compressed: "true"`. */
export type ExportedCertificate =
  | { readonly format: "json"; readonly value: ExportCertificateResponse }
  | { readonly format: "zip"; readonly bytes: Uint8Array; readonly contentType?: string };

/**
 * The PCA operations the console uses. Every method validates its input with the contracts
 * schema (refused input never leaves: VALIDATION_FAILED, INVALID_ID or the schema's field code),
 * validates the answer, and returns a value or a coded failure (see `CcmFailureDetails`).
 */
export interface CcmClient {
  /** ListCertificateAuthority — GET /v1/private-certificate-authorities. */
  listCertificateAuthorities(query?: CaListQuery): Promise<CcmResult<CaListResponse>>;
  /** ShowCertificateAuthority — GET /v1/private-certificate-authorities/{ca_id}. */
  showCertificateAuthority(caId: string): Promise<CcmResult<CertificateAuthority>>;
  /** ExportCertificateAuthorityCsr — GET …/{ca_id}/csr (PENDING CAs only). */
  exportCertificateAuthorityCsr(caId: string): Promise<CcmResult<ExportCaCsrResponse>>;
  /** ExportCertificateAuthorityCertificate — POST …/{ca_id}/export without a body (never retried). */
  exportCertificateAuthorityCertificate(caId: string): Promise<CcmResult<ExportCaCertificateResponse>>;
  /**
   * CreateCertificateByCsr — POST /v1/private-certificates/csr, sent once. A failure after the
   * request may have reached CCM is UPSTREAM_OUTCOME_UNKNOWN; UPSTREAM_UNREACHABLE means it did not.
   */
  createCertificateByCsr(
    body: CreateCertificateByCsrRequest,
  ): Promise<CcmResult<CreateCertificateByCsrResponse>>;
  /** ListCertificate — GET /v1/private-certificates. */
  listCertificates(query?: CertificateListQuery): Promise<CcmResult<CertificateListResponse>>;
  /** ShowCertificate — GET /v1/private-certificates/{certificate_id}. */
  showCertificate(certificateId: string): Promise<CcmResult<Certificate>>;
  /** ExportCertificate — POST /v1/private-certificates/{certificate_id}/export (never retried). */
  exportCertificate(
    certificateId: string,
    body: ExportCertificateRequest,
  ): Promise<CcmResult<ExportedCertificate>>;
  /** Closes the default transport's pooled connections (a no-op for an injected transport). */
  close(): Promise<void>;
}

const ID_CODES: FieldCodes = { "": "INVALID_ID" };
const JSON_CONTENT = /^application\/json\b/i;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function toQuery(query: Readonly<Record<string, QueryValue | undefined>>): QueryParams {
  const out: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out[k] = v;
  return out;
}

const exportReader: ResponseReader<ExportedCertificate> = (response) => {
  const contentType = response.headers["content-type"];
  if (contentType === undefined || JSON_CONTENT.test(contentType)) {
    const read = parseJson(response.body, ExportCertificateResponseSchema);
    return read.ok ? { ok: true, value: { format: "json", value: read.value } } : read;
  }
  if (!ZIP_MAGIC.every((b, i) => response.body[i] === b)) {
    return { ok: false, issues: [{ path: "", message: "The body is neither JSON nor a zip file." }] };
  }
  return { ok: true, value: { format: "zip", bytes: response.body, contentType } };
};

/** The injected transport (the caller closes it), or a keep-alive undici one this client owns. */
function transportOf(options: CcmClientOptions): { transport: Transport; close: () => Promise<void> } {
  if (options.transport) return { transport: options.transport, close: async () => {} };
  const own = createUndiciTransport(
    options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs },
  );
  return { transport: own, close: () => own.close() };
}

/**
 * Builds a CCM client. Throws RangeError when the endpoint is an unknown malformed region or an
 * unusable URL (a configuration mistake to stop at start-up, not a runtime failure).
 */
export function createCcmClient(options: CcmClientOptions): CcmClient {
  const baseUrl = resolveCcmEndpoint(options.endpoint);
  if (!baseUrl) throw new RangeError("The CCM endpoint is neither a known region id nor an http(s) URL.");
  const { transport, close } = transportOf(options);
  const ctx: ExchangeContext = {
    baseUrl,
    credentials: options.credentials,
    transport,
    timeoutMs: options.timeoutMs ?? 15_000,
    retry: options.retry ?? {},
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? sleep,
    random: options.random ?? Math.random,
  };
  const encoder = new TextEncoder();

  /** A refused input: nothing was sent. */
  function refuse(operation: string, failure: Failure) {
    const issues = failure.details?.issues;
    return ccmFail(failure.code, failure.message, {
      operation,
      attempts: 0,
      ...(Array.isArray(issues) ? { issues: issues as IssueDetail[] } : {}),
    });
  }

  async function byId<T>(
    operation: string,
    id: string,
    make: (id: string) => Omit<CcmCall<T>, "operation">,
  ): Promise<CcmResult<T>> {
    const checked = parseWith(CcmIdSchema, id, ID_CODES);
    if (!checked.ok) return refuse(operation, checked.error);
    return exchange({ operation, ...make(checked.value) }, ctx);
  }

  const caPath = (id: string) => `/v1/private-certificate-authorities/${id}`;
  const certPath = (id: string) => `/v1/private-certificates/${id}`;

  return {
    async listCertificateAuthorities(query = {}) {
      const operation = "ListCertificateAuthority";
      const checked = parseWith(CaListQuerySchema, query);
      if (!checked.ok) return refuse(operation, checked.error);
      return exchange(
        {
          operation,
          method: "GET",
          path: "/v1/private-certificate-authorities",
          query: toQuery(checked.value),
          changesState: false,
          read: jsonReader(CaListResponseSchema),
        },
        ctx,
      );
    },
    showCertificateAuthority: (caId) =>
      byId("ShowCertificateAuthority", caId, (id) => ({
        method: "GET",
        path: caPath(id),
        changesState: false,
        read: jsonReader(CertificateAuthoritySchema),
      })),
    exportCertificateAuthorityCsr: (caId) =>
      byId("ExportCertificateAuthorityCsr", caId, (id) => ({
        method: "GET",
        path: `${caPath(id)}/csr`,
        changesState: false,
        read: jsonReader(ExportCaCsrResponseSchema),
      })),
    exportCertificateAuthorityCertificate: (caId) =>
      byId("ExportCertificateAuthorityCertificate", caId, (id) => ({
        method: "POST",
        path: `${caPath(id)}/export`,
        changesState: false,
        read: jsonReader(ExportCaCertificateResponseSchema),
      })),
    async createCertificateByCsr(body) {
      const operation = "CreateCertificateByCsr";
      const checked = parseWith(CreateCertificateByCsrRequestSchema, body, CREATE_CERTIFICATE_BY_CSR_CODES);
      if (!checked.ok) return refuse(operation, checked.error);
      return exchange(
        {
          operation,
          method: "POST",
          path: "/v1/private-certificates/csr",
          body: encoder.encode(JSON.stringify(checked.value)),
          changesState: true,
          read: jsonReader(CreateCertificateByCsrResponseSchema),
        },
        ctx,
      );
    },
    async listCertificates(query = {}) {
      const operation = "ListCertificate";
      const checked = parseWith(CertificateListQuerySchema, query);
      if (!checked.ok) return refuse(operation, checked.error);
      return exchange(
        {
          operation,
          method: "GET",
          path: "/v1/private-certificates",
          query: toQuery(checked.value),
          changesState: false,
          read: jsonReader(CertificateListResponseSchema),
        },
        ctx,
      );
    },
    showCertificate: (certificateId) =>
      byId("ShowCertificate", certificateId, (id) => ({
        method: "GET",
        path: certPath(id),
        changesState: false,
        read: jsonReader(CertificateSchema),
      })),
    async exportCertificate(certificateId, body) {
      const operation = "ExportCertificate";
      const checked = parseWith(ExportCertificateRequestSchema, body);
      if (!checked.ok) return refuse(operation, checked.error);
      // The schema takes a boolean too (the doc example sends one); the wire model is a string.
      const wire = { ...checked.value, is_compressed: String(checked.value.is_compressed) };
      return byId(operation, certificateId, (id) => ({
        method: "POST",
        path: `${certPath(id)}/export`,
        body: encoder.encode(JSON.stringify(wire)),
        changesState: false,
        read: exportReader,
      }));
    },
    close,
  };
}
