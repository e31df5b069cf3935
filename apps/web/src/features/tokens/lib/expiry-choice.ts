import { CreateApiTokenRequestSchema } from "@pca/contracts";

/** The contract's range for `expiresInDays` (1-3650), read from the schema. */
const days = CreateApiTokenRequestSchema.shape.expiresInDays.unwrap();
export const EXPIRY_DAYS_LIMITS = { min: days.minValue ?? 1, max: days.maxValue ?? 3650 } as const;

/** Presets in days, a custom number of days, or no expiry (the contract's absent field). */
export const EXPIRY_CHOICES = ["7", "30", "90", "365", "custom", "never"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];
export const DEFAULT_EXPIRY: ExpiryChoice = "90";

const DAY_MS = 86_400_000;

export type ExpiryDays = { readonly ok: true; readonly days: number | undefined } | { readonly ok: false };

/** The `expiresInDays` to send for a choice, or not ok when the custom text is not 1-3650 whole days. */
export function expiryDays(choice: ExpiryChoice, customText: string): ExpiryDays {
  if (choice === "never") return { ok: true, days: undefined };
  const text = choice === "custom" ? customText.trim() : choice;
  if (!/^\d+$/.test(text)) return { ok: false };
  const value = Number(text);
  return value >= EXPIRY_DAYS_LIMITS.min && value <= EXPIRY_DAYS_LIMITS.max
    ? { ok: true, days: value }
    : { ok: false };
}

/** When a token created now would expire, as the BFF computes it (now + days × 24 h). */
export const expiresAt = (now: number, days: number | undefined): number | null =>
  days === undefined ? null : now + days * DAY_MS;
