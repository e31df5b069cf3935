import { randomBytes, randomInt } from "node:crypto";
import type { Credentials } from "./auth/verify";

const ALNUM_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM = `${ALNUM_UPPER}abcdefghijklmnopqrstuvwxyz`;

const randomFrom = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");

/** Fresh credentials shaped like Huawei Cloud's: a 20-character AK, a 40-character SK, a 32-hex domain id. */
export function generateCredentials(): Credentials {
  return {
    ak: randomFrom(ALNUM_UPPER, 20),
    sk: randomFrom(ALNUM, 40),
    domainId: randomBytes(16).toString("hex"),
  };
}

/** A random password for the default IAM user. */
export const generatePassword = (): string => `Pca-${randomFrom(ALNUM, 20)}`;
