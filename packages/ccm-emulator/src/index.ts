export type { IamUser } from "./auth/iam";
export type { Credentials } from "./auth/verify";
export { type EmulatorOptions, type RunningEmulator, type SeededCas, startEmulator } from "./emulator";
export { CCM_ERRORS, type CcmErrorName } from "./errors";
export type { FaultAction, FaultMatch, FaultRule, FaultSpec, Faults } from "./faults";
export type { OperationName } from "./operations";
export { SEED } from "./pki/seed";
export type { EmulatorLogger } from "./server";
