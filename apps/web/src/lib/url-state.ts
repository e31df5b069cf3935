import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import type { QueryValue } from "./api-client";

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * Reads the URL's query with the contract's query schema: known keys only, and a key whose value
 * the schema refuses is dropped (a hand-edited URL degrades to the default, it never breaks).
 */
export function readQuery<S extends ObjectSchema>(params: URLSearchParams, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  for (let attempt = 0; attempt <= Object.keys(raw).length; attempt++) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === "string") delete raw[key];
    }
  }
  return schema.parse({});
}

/** Writes a patch into the URL (undefined or "" removes a key), replacing the history entry. */
export function mergeQuery(params: URLSearchParams, patch: Readonly<Record<string, QueryValue>>) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/** The page's filters, sort and paging, kept in the URL so a view can be shared and bookmarked. */
export function useUrlQuery<S extends ObjectSchema>(schema: S) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params, schema), [params, schema]);
  const update = useCallback(
    (patch: Readonly<Record<string, QueryValue>>) => setParams((current) => mergeQuery(current, patch)),
    [setParams],
  );
  return [query, update] as const;
}
