import type { TokenIssuer } from "../auth/iam";
import type { Credentials } from "../auth/verify";
import type { SignerCache } from "../pki/signers";
import type { Db } from "../state/db";

/** What the route handlers share. */
export interface EmulatorState {
  readonly db: Db;
  readonly signers: SignerCache;
  readonly tokens: TokenIssuer;
  readonly credentials: Credentials;
}
