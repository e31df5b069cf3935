import { z } from "zod";
import type { Failure } from "../result";
import { type FieldCodes, parseWith } from "../validation";
import {
  CertificateListQuerySchema,
  CertificateListResponseSchema,
  CertificateSchema,
  ExportCertificateRequestSchema,
  ExportCertificateResponseSchema,
} from "./certificate";
import {
  CaListQuerySchema,
  CaListResponseSchema,
  CertificateAuthoritySchema,
  ExportCaCertificateResponseSchema,
  ExportCaCsrResponseSchema,
} from "./certificate-authority";
import { CcmIdSchema } from "./common";
import {
  CREATE_CERTIFICATE_BY_CSR_CODES,
  CreateCertificateByCsrRequestSchema,
  CreateCertificateByCsrResponseSchema,
} from "./create-certificate-by-csr";
import { QuotaResponseSchema } from "./quota";

/**
 * One CCM operation as it travels: what the typed client sends, what the emulator routes and
 * checks, and what the BFF's port exposes are all read from an entry of CCM_OPERATIONS.
 */
export interface CcmOperationSpec {
  /** CCM's operation name, as the API reference and the SDKs spell it: `CreateCertificateByCsr`. */
  readonly name: string;
  readonly method: "GET" | "POST";
  /** The path below the endpoint, each parameter in braces: `/v1/private-certificate-authorities/{ca_id}`. */
  readonly path: string;
  /**
   * The path parameters, one key per `{name}` of `path`. CCM's are all ids (36-character
   * lowercase UUIDs), so a value goes into the path as it is and a bad one is INVALID_ID.
   */
  readonly params?: z.ZodType<Readonly<Record<string, string>>>;
  /** The query string's parameters. */
  readonly query?: z.ZodType;
  /** The JSON body. An operation without one sends none. */
  readonly body?: z.ZodType;
  /** The stable code a body failure at each field gets; VALIDATION_FAILED where none is given. */
  readonly bodyCodes?: FieldCodes;
  /** The JSON body of the 2xx answer. */
  readonly response: z.ZodType;
  /** CCM may answer with a zip file instead of JSON (ExportCertificate, `is_compressed: "true"`). */
  readonly zip?: true;
  /**
   * Whether the operation changes state in CCM. Such a call is sent once and never retried
   * automatically, and a failure after it may have been sent has an unknown outcome.
   */
  readonly mutates: boolean;
}

/** A path parameter that is not a CCM id is refused as INVALID_ID (PCA.00020201's wording). */
export const PATH_PARAM_CODES: FieldCodes = { "": "INVALID_ID" };

const CaIdPathSchema = z.strictObject({ ca_id: CcmIdSchema });
const CertificateIdPathSchema = z.strictObject({ certificate_id: CcmIdSchema });

/** The entries keyed by name, refusing a name given twice. */
function byName<const T extends readonly CcmOperationSpec[]>(
  entries: T,
): { readonly [E in T[number] as E["name"]]: E } {
  const table: Record<string, CcmOperationSpec> = {};
  for (const entry of entries) {
    if (Object.hasOwn(table, entry.name)) throw new Error(`CCM operation ${entry.name} is listed twice.`);
    table[entry.name] = entry;
  }
  return table as { readonly [E in T[number] as E["name"]]: E };
}

/**
 * The CCM operations the console and the emulator know, one entry each (reference ccm-api.md
 * §2-§3, ccm-lifecycle.md §1). Adding an operation is adding its entry here, its behaviour in the
 * emulator and whatever console route uses it; the client's method, the BFF port's method and the
 * emulator's routing and input checks follow from the entry.
 */
export const CCM_OPERATIONS = byName([
  {
    name: "ListCertificateAuthority",
    method: "GET",
    path: "/v1/private-certificate-authorities",
    query: CaListQuerySchema,
    response: CaListResponseSchema,
    mutates: false,
  },
  {
    name: "ShowCertificateAuthority",
    method: "GET",
    path: "/v1/private-certificate-authorities/{ca_id}",
    params: CaIdPathSchema,
    response: CertificateAuthoritySchema,
    mutates: false,
  },
  {
    name: "ExportCertificateAuthorityCsr",
    method: "GET",
    path: "/v1/private-certificate-authorities/{ca_id}/csr",
    params: CaIdPathSchema,
    response: ExportCaCsrResponseSchema,
    mutates: false,
  },
  {
    // A POST without a body that only reads.
    name: "ExportCertificateAuthorityCertificate",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/export",
    params: CaIdPathSchema,
    response: ExportCaCertificateResponseSchema,
    mutates: false,
  },
  {
    name: "CreateCertificateByCsr",
    method: "POST",
    path: "/v1/private-certificates/csr",
    body: CreateCertificateByCsrRequestSchema,
    bodyCodes: CREATE_CERTIFICATE_BY_CSR_CODES,
    response: CreateCertificateByCsrResponseSchema,
    mutates: true,
  },
  {
    name: "ListCertificate",
    method: "GET",
    path: "/v1/private-certificates",
    query: CertificateListQuerySchema,
    response: CertificateListResponseSchema,
    mutates: false,
  },
  {
    name: "ShowCertificate",
    method: "GET",
    path: "/v1/private-certificates/{certificate_id}",
    params: CertificateIdPathSchema,
    response: CertificateSchema,
    mutates: false,
  },
  {
    name: "ExportCertificate",
    method: "POST",
    path: "/v1/private-certificates/{certificate_id}/export",
    params: CertificateIdPathSchema,
    body: ExportCertificateRequestSchema,
    response: ExportCertificateResponseSchema,
    zip: true,
    mutates: false,
  },
  {
    name: "ShowCertificateAuthorityQuota",
    method: "GET",
    path: "/v1/private-certificate-authorities/quotas",
    response: QuotaResponseSchema,
    mutates: false,
  },
  {
    name: "ShowCertificateQuota",
    method: "GET",
    path: "/v1/private-certificates/quotas",
    response: QuotaResponseSchema,
    mutates: false,
  },
]);

export type CcmOperations = typeof CCM_OPERATIONS;
export type CcmOperationName = keyof CcmOperations;
export const CCM_OPERATION_NAMES = Object.keys(CCM_OPERATIONS) as readonly CcmOperationName[];

type Spec<N extends CcmOperationName> = CcmOperations[N];
type Nothing = Record<never, never>;

/** What a call of the operation gives: path parameters, query, body, each only if it has one. */
export type CcmInput<N extends CcmOperationName> = (Spec<N> extends {
  readonly params: infer S extends z.ZodType;
}
  ? { readonly params: z.input<S> }
  : Nothing) &
  // The query is given typed (numbers, enums): its schemas only coerce the strings a server receives.
  (Spec<N> extends { readonly query: infer S extends z.ZodType }
    ? { readonly query?: z.output<S> }
    : Nothing) &
  (Spec<N> extends { readonly body: infer S extends z.ZodType } ? { readonly body: z.input<S> } : Nothing);

/** The validated JSON answer of the operation. */
export type CcmResponse<N extends CcmOperationName> = z.output<Spec<N>["response"]>;

type PathArgs<P extends string> = P extends `${string}{${string}}${infer Rest}`
  ? [id: string, ...PathArgs<Rest>]
  : [];
type QueryArg<E> = E extends { readonly query: infer S extends z.ZodType }
  ? E extends { readonly body: z.ZodType }
    ? [query: z.output<S>]
    : [query?: z.output<S>]
  : [];
type BodyArg<E> = E extends { readonly body: infer S extends z.ZodType } ? [body: z.input<S>] : [];

/** The operation's input as positional arguments: each path parameter in path order, then query, then body. */
export type CcmArgs<N extends CcmOperationName> = [
  ...PathArgs<Spec<N>["path"]>,
  ...QueryArg<Spec<N>>,
  ...BodyArg<Spec<N>>,
];

/**
 * The method names the console's code already used for the two list operations; every other
 * operation's method is its name with a lowercase first letter (`showCertificateAuthority`).
 */
const METHOD_NAMES = {
  ListCertificateAuthority: "listCertificateAuthorities",
  ListCertificate: "listCertificates",
} as const satisfies Partial<Record<CcmOperationName, string>>;

export type CcmMethodName<N extends CcmOperationName> = N extends keyof typeof METHOD_NAMES
  ? (typeof METHOD_NAMES)[N]
  : Uncapitalize<N>;

/** The name of the operation's method on the typed client and on the BFF's port. */
export function ccmMethodName<N extends CcmOperationName>(name: N): CcmMethodName<N> {
  const named: Partial<Record<CcmOperationName, string>> = METHOD_NAMES;
  return (named[name] ?? name.charAt(0).toLowerCase() + name.slice(1)) as CcmMethodName<N>;
}

const paramNames = new Map<string, readonly string[]>();

/** The names in a path template, in order: `/a/{ca_id}/b` → `["ca_id"]`. */
export function pathParamNames(path: string): readonly string[] {
  let names = paramNames.get(path);
  if (names === undefined) {
    names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
    paramNames.set(path, names);
  }
  return names;
}

/** An input, untyped: what the positional arguments or a server's request become. */
export interface RawCcmInput {
  readonly params?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}

/** Turns a method's positional arguments (see CcmArgs) into the operation's input. */
export function ccmInputFromArgs(spec: CcmOperationSpec, args: readonly unknown[]): RawCcmInput {
  const names = pathParamNames(spec.path);
  let next = names.length;
  return {
    ...(names.length === 0 ? {} : { params: Object.fromEntries(names.map((name, i) => [name, args[i]])) }),
    ...(spec.query ? { query: args[next++] } : {}),
    ...(spec.body ? { body: args[next++] } : {}),
  };
}

/** An input that passed the entry's schemas: parsed path parameters, query and body. */
export interface CheckedCcmInput {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

const NOTHING: Readonly<Record<string, string>> = Object.freeze({});

/** A part of an operation's input: path parameters, query or body. */
export type CcmInputPart = "params" | "query" | "body";

/**
 * Checks one part of an input with the entry's schema for it: path parameters refused as
 * INVALID_ID, a query as VALIDATION_FAILED, a body with the entry's field codes. A part the entry
 * does not take is ignored (no parameters and no query are `{}`, no body is undefined).
 */
export function parseCcmPart(
  spec: CcmOperationSpec,
  part: CcmInputPart,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; error: Failure } {
  if (part === "body") {
    return spec.body ? parseWith(spec.body, value, spec.bodyCodes) : { ok: true, value: undefined };
  }
  const schema = spec[part];
  if (!schema) return { ok: true, value: NOTHING };
  return parseWith(schema, value ?? {}, part === "params" ? PATH_PARAM_CODES : {});
}

/** Checks a whole input: path parameters first, then the query, then the body (see parseCcmPart). */
export function parseCcmInput(
  spec: CcmOperationSpec,
  input: RawCcmInput,
): { ok: true; value: CheckedCcmInput } | { ok: false; error: Failure } {
  const params = parseCcmPart(spec, "params", input.params);
  if (!params.ok) return params;
  const query = parseCcmPart(spec, "query", input.query);
  if (!query.ok) return query;
  const body = parseCcmPart(spec, "body", input.body);
  if (!body.ok) return body;
  return {
    ok: true,
    value: {
      params: params.value as CheckedCcmInput["params"],
      query: query.value as CheckedCcmInput["query"],
      body: body.value,
    },
  };
}

/** The path with its parameters filled in (checked ids: nothing in them needs encoding). */
export function ccmPath(spec: CcmOperationSpec, params: Readonly<Record<string, string>>): string {
  return spec.path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? "");
}
