import { z } from "zod";
import { CCM_LIMITS } from "./limits";
import { fail, ok, type Result } from "./result";

export const VALIDITY_TYPES = ["YEAR", "MONTH", "DAY", "HOUR"] as const;
export type ValidityType = (typeof VALIDITY_TYPES)[number];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Length of one unit, as CCM documents it: "YEAR: 12 months", "MONTH: always 31 days".
 * [unverified] Read literally, a YEAR is therefore 12 × 31 = 372 days (not a calendar year), and
 * the 20-/30-year caps are caps on that same duration (20 YEAR = 240 MONTH = 7440 DAY =
 * 178560 HOUR). This is the one place that choice is made; the SPA, the BFF and the emulator all
 * compute through it.
 */
export const VALIDITY_UNIT_MS: Readonly<Record<ValidityType, number>> = {
  HOUR: HOUR_MS,
  DAY: DAY_MS,
  MONTH: 31 * DAY_MS,
  YEAR: 12 * 31 * DAY_MS,
};

/** What is being issued: the caps differ (root CA ≤ 30 years, the rest ≤ 20). */
export type ValidityKind = keyof typeof CCM_LIMITS.maxValidityYears;

/** The largest `value` CCM accepts for a unit and kind of certificate. */
export function maxValidityValue(type: ValidityType, kind: ValidityKind): number {
  const maxMs = CCM_LIMITS.maxValidityYears[kind] * VALIDITY_UNIT_MS.YEAR;
  return Math.floor(maxMs / VALIDITY_UNIT_MS[type]);
}

/** CCM's Validity object. `value` is at least 1; its upper bound depends on the kind. */
export const ValiditySchema = z.strictObject({
  type: z.enum(VALIDITY_TYPES, { error: "Validity type is one of YEAR, MONTH, DAY or HOUR." }),
  value: z
    .number({ error: "Validity value is a whole number." })
    .int({ error: "Validity value is a whole number." })
    .min(1, { error: "Validity value is at least 1." })
    .max(Number.MAX_SAFE_INTEGER),
  start_from: z
    .number({ error: "start_from is a time in milliseconds since the epoch." })
    .int({ error: "start_from is a time in milliseconds since the epoch." })
    .nonnegative()
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
});
export type Validity = z.infer<typeof ValiditySchema>;

export interface ValidityWindow {
  /** ms since the epoch */
  readonly notBefore: number;
  /** ms since the epoch */
  readonly notAfter: number;
}

export type ValidityErrorCode = "VALIDITY_OUT_OF_RANGE" | "VALIDITY_START_IN_PAST" | "VALIDITY_BEYOND_ISSUER";

export interface ValidityOptions {
  readonly kind: ValidityKind;
  /** The current time, ms since the epoch. */
  readonly now: number;
  /**
   * The issuing CA's notAfter. [unverified] CCM's docs do not say whether a certificate may
   * outlive its issuer; the console refuses it, as RFC 5280 path validation would fail anyway.
   */
  readonly issuerNotAfter?: number | undefined;
}

/**
 * The notBefore/notAfter CCM will give a certificate, or the reason CCM would refuse the validity.
 * Pure: the SPA's live preview and the BFF's policy check both call this, so they never disagree.
 * Failure codes: VALIDITY_OUT_OF_RANGE (value outside 1..max for the unit and kind),
 * VALIDITY_START_IN_PAST (start_from not later than now − 5 min), VALIDITY_BEYOND_ISSUER.
 */
export function computeValidity(
  validity: Validity,
  options: ValidityOptions,
): Result<ValidityWindow, ValidityErrorCode> {
  const max = maxValidityValue(validity.type, options.kind);
  const years = CCM_LIMITS.maxValidityYears[options.kind];
  if (!Number.isSafeInteger(validity.value) || validity.value < 1 || validity.value > max) {
    return fail(
      "VALIDITY_OUT_OF_RANGE",
      `Validity must be between 1 and ${max} ${validity.type} (${years} years at most for this kind of certificate).`,
      { type: validity.type, max, maxYears: years },
    );
  }
  const earliest = options.now - CCM_LIMITS.startFromToleranceMs;
  if (validity.start_from !== undefined && !(validity.start_from > earliest)) {
    return fail("VALIDITY_START_IN_PAST", "The start time must be later than five minutes ago.", {
      earliest: earliest + 1,
    });
  }
  const notBefore = validity.start_from ?? options.now;
  const notAfter = notBefore + validity.value * VALIDITY_UNIT_MS[validity.type];
  if (options.issuerNotAfter !== undefined && notAfter > options.issuerNotAfter) {
    return fail(
      "VALIDITY_BEYOND_ISSUER",
      "The certificate would outlive its issuing CA; choose a shorter validity or an earlier start.",
      { issuerNotAfter: options.issuerNotAfter },
    );
  }
  return ok({ notBefore, notAfter });
}
