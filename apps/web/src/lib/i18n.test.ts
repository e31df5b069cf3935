import { AUDIT_ACTIONS, ERROR_CODES, LINT_IDS } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { en } from "../locales/en";
import { zh } from "../locales/zh";
import { preferredLanguage } from "./i18n";

type Tree = { [key: string]: string | Tree };

const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zh));

  it("zh has exactly en's keys, none empty", () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, value] of zhLeaves) expect(value.trim(), key).not.toBe("");
  });

  it("zh uses the same placeholders as en", () => {
    for (const [key, value] of enLeaves)
      expect(placeholders(zhLeaves.get(key) ?? ""), key).toEqual(placeholders(value));
  });

  it("zh is actually Chinese (not English copied over) outside codes and names", () => {
    const untranslated = [...zhLeaves].filter(
      ([key, value]) =>
        value === enLeaves.get(key) && /[a-z]{4,}/.test(value) && !/^pki\.(sha|form)/.test(key),
    );
    expect(untranslated).toEqual([]);
  });

  it("every error code and audit action of the contract has a sentence", () => {
    for (const code of ERROR_CODES) expect(enLeaves.has(`errors.${code}`), code).toBe(true);
    for (const action of AUDIT_ACTIONS) expect(enLeaves.has(`auditAction.${action}`), action).toBe(true);
    expect(LINT_IDS.length).toBeGreaterThan(0);
  });
});

describe("preferredLanguage", () => {
  it.each([
    ["ok/remembered wins", "zh", ["en-US"], "zh"],
    ["ok/browser zh-CN", null, ["zh-CN", "en"], "zh"],
    ["ok/browser zh-Hant still zh", null, ["zh-TW"], "zh"],
    ["ok/first supported browser language", null, ["fr-FR", "en-GB"], "en"],
    ["fail/garbage stored falls back", "klingon", ["de"], "en"],
  ] as const)("%s", (_name, stored, browser, expected) => {
    expect(preferredLanguage(stored, browser)).toBe(expected);
  });
});
