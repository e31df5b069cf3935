import { finding, type LintRule } from "./rule";

/** CCM decides CA-ness by the issuance type, not by what the CSR asks for. */
export const caRequestRule: LintRule = (p) => {
  const bc = p.extensions.basicConstraints;
  if (bc?.ca !== true) return [];
  const path = bc.pathLength === null ? "" : ` (path length ${bc.pathLength})`;
  const pathZh = bc.pathLength === null ? "" : `（路径长度 ${bc.pathLength}）`;
  return [
    finding(
      "ca-requested",
      "warning",
      `The CSR asks to be a CA${path}. Issue it with type INTERMEDIATE_CA and a path length; as ENTITY_CERT it would not be a CA.`,
      `该 CSR 请求成为 CA${pathZh}。请以 INTERMEDIATE_CA 类型并指定路径长度签发；以 ENTITY_CERT 签发则不会是 CA。`,
    ),
  ];
};
