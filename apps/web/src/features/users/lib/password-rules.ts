import { NewPasswordSchema } from "@pca/contracts";

/** The contract's limits for a password an admin sets (read from the schema, never restated). */
export const PASSWORD_LIMITS = {
  min: NewPasswordSchema.minLength ?? 1,
  max: NewPasswordSchema.maxLength ?? Number.POSITIVE_INFINITY,
} as const;

export interface PasswordChecks {
  /** Long enough and not too long, as NewPasswordSchema counts (UTF-16 code units). */
  readonly length: boolean;
  /** The confirmation repeats it exactly. */
  readonly match: boolean;
}

/** The rules shown beside a new password, each met or not, before anything is sent. */
export function checkPassword(password: string, confirmation: string): PasswordChecks {
  return {
    length: NewPasswordSchema.safeParse(password).success,
    match: password.length > 0 && password === confirmation,
  };
}

export const passwordAcceptable = (checks: PasswordChecks): boolean => checks.length && checks.match;
