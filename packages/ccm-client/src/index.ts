export * from "./sign/authorization";
export * from "./sign/canonical";
export { percentEncode } from "./sign/encoding";
export * from "./sign/signer";
export * from "./sign/verify";
export * from "./sign/wire";
