/**
 * The path-length policy: path_length only with INTERMEDIATE_CA, and a new CA strictly below its
 * issuer. The rule lives in contracts so the SPA's picker and the BFF apply the same function;
 * this module is where the issuance pipeline takes it from (its table test is beside it).
 */
export { checkPathLength, type PathLengthInput } from "@pca/contracts";
