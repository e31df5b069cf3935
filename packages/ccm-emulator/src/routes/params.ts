import { CCM_LIMITS } from "@pca/contracts";
import type { ListWindow } from "../state/names";

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
