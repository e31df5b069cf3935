import type { Rdn } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { escapeRfc4514Value, toRfc4514 } from "./rfc4514";

const attr = (oid: string, value: string) => ({ oid, name: oid, asn1Type: "UTF8String", value });

describe("escapeRfc4514Value (Python cryptography's _escape_dn_value)", () => {
  it.each([
    ["plain", "plain"],
    ["Smith, John+Admin", "Smith\\, John\\+Admin"],
    ['a"b;c<d>e\\f', 'a\\"b\\;c\\<d\\>e\\\\f'],
    ["#hash", "\\#hash"],
    [" lead", "\\ lead"],
    ["trail ", "trail\\ "],
    ["mid#dle", "mid#dle"],
    ["nul\0byte", "nul\\00byte"],
    ["上海", "上海"],
    ["", ""],
  ])("%j → %j", (value, want) => {
    expect(escapeRfc4514Value(value)).toBe(want);
  });
});

describe("toRfc4514", () => {
  it("reverses RDNs, keeps multi-valued RDNs in DER order, names only RFC 4514's types", () => {
    const rdns: Rdn[] = [
      [attr("2.5.4.6", "CN")],
      [attr("2.5.4.10", "Org"), attr("2.5.4.11", "Unit")],
      [attr("1.2.840.113549.1.9.1", "a@example.com")],
      [attr("2.5.4.3", "host")],
    ];
    expect(toRfc4514(rdns)).toBe("CN=host,1.2.840.113549.1.9.1=a@example.com,O=Org+OU=Unit,C=CN");
  });

  it("writes binary values as #hex", () => {
    const bits = attr("2.5.4.45", "0380");
    expect(toRfc4514([[bits]], new Set([bits]))).toBe("2.5.4.45=#0380");
  });
});
