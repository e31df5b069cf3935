export * from "./certificate";
export * from "./certificate-authority";
export * from "./common";
export * from "./create-certificate-by-csr";
export * from "./operations";
export * from "./quota";
