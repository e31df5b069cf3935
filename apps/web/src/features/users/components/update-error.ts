import type { TFunction } from "i18next";
import type { ApiError } from "../../../lib/api-client";

/**
 * The title for a refused user change. FORBIDDEN from an admin's PATCH can only mean the change
 * would leave no enabled admin, so it is said in those words; any other code keeps its own sentence.
 */
export function updateErrorTitle(t: TFunction, error: ApiError | null): string | undefined {
  return error?.code === "FORBIDDEN" ? t("users.lastAdmin") : undefined;
}
