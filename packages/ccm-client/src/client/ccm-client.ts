import {
  CCM_OPERATION_NAMES,
  CCM_OPERATIONS,
  type CcmArgs,
  type CcmInput,
  type CcmMethodName,
  type CcmOperationName,
  type CcmOperationSpec,
  type CcmOperations,
  type CcmResponse,
  ccmInputFromArgs,
  ccmMethodName,
  ccmPath,
  type Failure,
  type IssueDetail,
  parseCcmInput,
  type RawCcmInput,
} from "@pca/contracts";
import { type CcmResult, ccmFail } from "../errors";
import { type BackoffOptions, sleep } from "../http/backoff";
import { createUndiciTransport, type Transport } from "../http/transport";
import { type CcmEndpoint, resolveCcmEndpoint } from "../regions";
import type { QueryParams, QueryValue } from "../sign/canonical";
import type { CcmCredentials } from "./credentials";
import { type ExchangeContext, exchange } from "./exchange";
import { jsonReader, type ParsingSchema, parseJson, type ResponseReader } from "./interpret";

export interface CcmClientOptions {
  readonly endpoint: CcmEndpoint;
  readonly credentials: CcmCredentials;
  /** Defaults to an undici keep-alive transport built with `connectTimeoutMs`. */
  readonly transport?: Transport;
  /** Connect deadline of the default transport (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** Deadline of one HTTP exchange, connect to last body byte (default 15 s). */
  readonly timeoutMs?: number;
  /**
   * Retry policy of the GETs that change nothing (default 3 attempts, 100 ms base, 2 s cap). POSTs
   * and operations that change state are never retried.
   */
  readonly retry?: BackoffOptions;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** The answer of an operation CCM may answer with a zip file: its JSON, or the zip's bytes. */
export type Downloaded<T> =
  | { readonly format: "json"; readonly value: T }
  | { readonly format: "zip"; readonly bytes: Uint8Array; readonly contentType?: string };

/** What a call of the operation gives back: its validated JSON, or either form for a zip-capable one. */
export type CcmOutput<N extends CcmOperationName> = CcmOperations[N] extends { readonly zip: true }
  ? Downloaded<CcmResponse<N>>
  : CcmResponse<N>;

/** ExportCertificate's answer: JSON PEMs, or the zip CCM sends for `is_compressed: "true"`. */
export type ExportedCertificate = CcmOutput<"ExportCertificate">;

/** The input argument of `call`, optional when the operation needs nothing. */
export type CcmInputArg<N extends CcmOperationName> =
  Record<never, never> extends CcmInput<N> ? [input?: CcmInput<N>] : [input: CcmInput<N>];

/**
 * One method per operation of CCM_OPERATIONS, named by ccmMethodName (`showCertificateAuthority`),
 * taking CcmArgs (path parameters in path order, then query or body).
 */
export type CcmMethods = {
  readonly [N in CcmOperationName as CcmMethodName<N>]: (
    ...args: CcmArgs<N>
  ) => Promise<CcmResult<CcmOutput<N>>>;
};

/**
 * The PCA operations of CCM_OPERATIONS. Every call checks its input with the entry's schemas
 * (refused input never leaves: INVALID_ID for a path parameter, VALIDATION_FAILED or the entry's
 * field code otherwise), sends the entry's method and path, validates the answer with the entry's
 * response schema, and returns a value or a coded failure (see `CcmFailureDetails`). A call that
 * changes state (`mutates`) is sent once: a failure after it may have reached CCM is
 * UPSTREAM_OUTCOME_UNKNOWN, and UPSTREAM_UNREACHABLE means it did not.
 */
export interface CcmClient extends CcmMethods {
  /** Calls an operation by its CCM name with its input as an object. */
  call<N extends CcmOperationName>(name: N, ...input: CcmInputArg<N>): Promise<CcmResult<CcmOutput<N>>>;
  /** Closes the default transport's pooled connections (a no-op for an injected transport). */
  close(): Promise<void>;
}

const JSON_CONTENT = /^application\/json\b/i;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function toQuery(query: Readonly<Record<string, unknown>>): QueryParams {
  const out: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out[k] = v as QueryValue;
  return out;
}

/** Reads JSON checked with the schema, or a zip file when CCM sends one (any other content type). */
const downloadReader =
  <T>(schema: ParsingSchema<T>): ResponseReader<Downloaded<T>> =>
  (response) => {
    const contentType = response.headers["content-type"];
    if (contentType === undefined || JSON_CONTENT.test(contentType)) {
      const read = parseJson(response.body, schema);
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

  const readers = new Map<CcmOperationSpec, ResponseReader<unknown>>();
  const readerOf = (spec: CcmOperationSpec): ResponseReader<unknown> => {
    let reader = readers.get(spec);
    if (reader === undefined) {
      reader = spec.zip ? downloadReader(spec.response) : jsonReader(spec.response);
      readers.set(spec, reader);
    }
    return reader;
  };

  /** Checks, builds, sends and reads one operation, all from its entry. */
  function send(name: CcmOperationName, input: RawCcmInput): Promise<CcmResult<unknown>> {
    const spec: CcmOperationSpec = CCM_OPERATIONS[name];
    const checked = parseCcmInput(spec, input);
    if (!checked.ok) return Promise.resolve(refuse(name, checked.error));
    const { params, query, body } = checked.value;
    return exchange(
      {
        operation: name,
        method: spec.method,
        path: ccmPath(spec, params),
        ...(spec.query ? { query: toQuery(query) } : {}),
        ...(spec.body ? { body: encoder.encode(JSON.stringify(body)) } : {}),
        mutates: spec.mutates,
        read: readerOf(spec),
      },
      ctx,
    );
  }

  const methods = Object.fromEntries(
    CCM_OPERATION_NAMES.map((name) => {
      const spec: CcmOperationSpec = CCM_OPERATIONS[name];
      const method = (...args: unknown[]) => send(name, ccmInputFromArgs(spec, args));
      return [ccmMethodName(name), method];
    }),
  );
  // The entries' schemas give each method's and call's types (CcmMethods, CcmOutput); `send` works
  // on the untyped entry, so its answers are asserted to those types here, once.
  return {
    ...(methods as unknown as CcmMethods),
    call: (name, ...input) => send(name, input[0] ?? {}) as never,
    close,
  };
}
