import type { z } from "zod";
import type { ErrorCode } from "./error-codes";
import type { Failure } from "./result";

/**
 * Which stable code a schema failure at a given field gets. Keys are dotted paths with `*` for an
 * array index (`subject_alternative_names.*.value`); the longest matching prefix wins. An issue
 * raised by a refinement may name its own code in `params.code`, which takes precedence.
 */
export type FieldCodes = Readonly<Record<string, ErrorCode>>;

/** A list of schema issues, safe to return: paths and messages, never the input values. */
export interface IssueDetail {
  readonly path: string;
  readonly message: string;
}

const pathOf = (path: readonly PropertyKey[]): string =>
  path.map((p) => (typeof p === "number" ? "*" : String(p))).join(".");

/**
 * The issue's sentence, except where zod's own would quote the input: an unknown field's name is
 * whatever the caller sent, so it is counted, not named.
 */
const messageOf = (issue: z.core.$ZodIssue): string =>
  issue.code === "unrecognized_keys"
    ? `${issue.keys.length === 1 ? "An unknown field is" : `${issue.keys.length} unknown fields are`} not allowed here.`
    : issue.message;

function codeFor(issue: z.core.$ZodIssue, codes: FieldCodes): ErrorCode {
  const own = (issue as { params?: { code?: unknown } }).params?.code;
  if (typeof own === "string") return own as ErrorCode;
  let key = pathOf(issue.path);
  for (;;) {
    const hit = codes[`${key}:${issue.code}`] ?? codes[key];
    if (hit) return hit;
    const cut = key.lastIndexOf(".");
    if (cut < 0) return key === "" ? "VALIDATION_FAILED" : (codes[""] ?? "VALIDATION_FAILED");
    key = key.slice(0, cut);
  }
}

/**
 * Turns a zod error into the console's coded failure: the first issue decides the code and the
 * message (which names the field), every issue is listed in `details.issues`. Input values are
 * never copied into the result, so nothing a user sent is echoed back.
 */
export function failureFromZod(error: z.ZodError, codes: FieldCodes = {}): Failure {
  const first = error.issues[0];
  if (!first) return { code: "VALIDATION_FAILED", message: "The request is not valid." };
  const issues: IssueDetail[] = error.issues.slice(0, 20).map((i) => ({
    path: pathOf(i.path),
    message: messageOf(i),
  }));
  const field = pathOf(first.path);
  const message = field ? `${field}: ${messageOf(first)}` : messageOf(first);
  return { code: codeFor(first, codes), message, details: { issues } };
}

/** Parses with a schema and returns a coded failure instead of throwing. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  codes: FieldCodes = {},
): { ok: true; value: z.output<S> } | { ok: false; error: Failure } {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: failureFromZod(parsed.error, codes) };
}
