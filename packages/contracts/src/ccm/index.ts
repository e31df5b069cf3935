export * from "./certificate";
export * from "./certificate-authority";
export * from "./common";
export * from "./create-certificate-by-csr";
