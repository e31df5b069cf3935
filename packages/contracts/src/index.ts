export * from "./api";
export * from "./ccm";
export * from "./csr-preview";
export * from "./error-codes";
export * from "./limits";
export * from "./result";
export * from "./validation";
export * from "./validity";
