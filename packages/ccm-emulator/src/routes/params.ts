import { CCM_ID_PATTERN, CCM_LIMITS, type Failure, parseWith } from "@pca/contracts";
import type { z } from "zod";
import { CcmError } from "../errors";
import type { ListWindow } from "../state/names";

/** A path id, or 400 PCA.00020201 when it is not a 36-character lowercase UUID. */
export function idParam(value: string | undefined): string {
  if (value === undefined || !CCM_ID_PATTERN.test(value)) throw new CcmError("INVALID_ID");
  return value;
}

/**
 * The query as an object for a list schema: a repeated key becomes an array, which the schema
 * refuses. [unverified] Unknown query parameters are refused (the contracts schemas are strict)
 * rather than ignored, so a client typo shows up in tests.
 */
export function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}

/** Parses with a contracts schema; 400 PCA.00020001 naming the field otherwise. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) throw new CcmError("BAD_PARAMETER", (parsed.error as Failure).message);
  return parsed.value;
}

/** Paging and sort direction with CCM's defaults (limit 10, offset 0, DESC). */
export function listWindow(q: {
  limit?: number | undefined;
  offset?: number | undefined;
  sort_dir?: "ASC" | "DESC" | undefined;
}): ListWindow {
  return {
    limit: q.limit ?? CCM_LIMITS.listLimitDefault,
    offset: q.offset ?? 0,
    sortDir: q.sort_dir ?? "DESC",
  };
}
