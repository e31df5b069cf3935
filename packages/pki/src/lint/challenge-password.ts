import { finding, type LintRule } from "./rule";

/** A challengePassword is a SCEP-era secret that CCM ignores; its value is never shown. */
export const challengePasswordRule: LintRule = (p) =>
  p.attributes.some((a) => a.name === "challengePassword")
    ? [
        finding(
          "challenge-password",
          "info",
          "The CSR carries a challengePassword attribute. CCM ignores it; its value is not shown here, but it is inside the CSR for anyone who reads the file.",
          "该 CSR 含有 challengePassword 属性。CCM 会忽略它；此处不显示其值，但任何读取该文件的人都能看到。",
        ),
      ]
    : [];
