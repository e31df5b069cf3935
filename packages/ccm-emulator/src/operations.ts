import { CCM_OPERATION_NAMES } from "@pca/contracts";

/** The operations the emulator serves: every entry of CCM_OPERATIONS, and its IAM login. */
export const OPERATIONS = [...CCM_OPERATION_NAMES, "KeystoneCreateUserTokenByPassword"] as const;

export type OperationName = (typeof OPERATIONS)[number];
