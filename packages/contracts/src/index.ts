export * from "./ccm";
export * from "./error-codes";
export * from "./limits";
export * from "./result";
export * from "./validation";
export * from "./validity";
