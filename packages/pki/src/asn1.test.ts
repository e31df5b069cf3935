import { SubjectAlternativeName } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";
import { describe, expect, it } from "vitest";
import { Asn1Error, parseAs, parseTree } from "./asn1";

const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ""), "hex"));

/** SEQUENCE (11 octets) { [2] dNSName of 13 octets }: the name runs past the end of its SEQUENCE. */
const OVERRUN = hex("300b 820d 6b696f736b2d30372e74657374");

describe("parseTree: the structural check runs before asn1js sees any bytes", () => {
  it("fail/an element running past the end of its parent, which asn1js alone accepts", () => {
    expect(asn1js.fromBER(OVERRUN).result.error).toBe("");
    expect(() => parseTree(OVERRUN)).toThrow(Asn1Error);
    expect(() => parseAs(OVERRUN, SubjectAlternativeName)).toThrow(Asn1Error);
  });

  it("fail/bytes after the element, a BER indefinite length, a length of nine octets", () => {
    expect(() => parseTree(hex("3003 020100 00"))).toThrow(Asn1Error);
    expect(() => parseTree(hex("3080 020100 0000"))).toThrow(Asn1Error);
    expect(() => parseTree(hex("3089 010000000000000003 020100"))).toThrow(Asn1Error);
  });

  it("fail/10,000 nested SEQUENCEs inside a value, without recursion", () => {
    const depth = 10_000;
    // Written from the end: each SEQUENCE's four-octet length covers all that nest inside it.
    const der = new Uint8Array(depth * 6);
    for (let i = depth - 1; i >= 0; i--) {
      const n = (depth - 1 - i) * 6;
      der.set([0x30, 0x84, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff], i * 6);
    }
    const started = performance.now();
    expect(() => parseTree(der)).toThrow(Asn1Error);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("fail/a UTF8String that is not UTF-8, which asn1js reads octet by octet", () => {
    const invalid = hex("3004 0c02 ff41");
    expect(asn1js.fromBER(invalid).result.error).toBe("");
    expect(() => parseTree(invalid)).toThrow(Asn1Error);
    expect(() => parseTree(hex("3005 0c03 e4b88a"))).not.toThrow();
  });

  it("ok/a primitive element is not walked into", () => {
    expect(() => parseTree(hex("0403 300582"))).not.toThrow();
  });
});
