import { describe, expect, it } from "vitest";
import { x509 } from "./crypto";
import { oidText, readTlv } from "./der";
import { derLength, namedBits, oid, smallInteger, tlv, unsignedInteger, x509Time } from "./der-writer";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("der-writer", () => {
  it.each([
    [0, "00"],
    [127, "7f"],
    [128, "8180"],
    [255, "81ff"],
    [256, "820100"],
    [65_536, "83010000"],
  ])("ok/length %i → %s", (n, want) => expect(hex(derLength(n))).toBe(want));

  it("ok/tlv wraps the parts and a long content gets a long length", () => {
    expect(hex(tlv(0x30, Uint8Array.of(1), Uint8Array.of(2, 3)))).toBe("3003010203");
    const long = tlv(0x04, new Uint8Array(300));
    expect(hex(long.subarray(0, 4))).toBe("0482012c");
    expect(long.length).toBe(304);
  });

  it.each([
    ["00", "020100"],
    ["7f", "02017f"],
    ["80", "02020080"],
    ["000080", "02020080"],
    ["0000", "020100"],
    ["4a1b", "02024a1b"],
  ])("ok/unsigned INTEGER %s → %s", (magnitude, want) =>
    expect(hex(unsignedInteger(Buffer.from(magnitude, "hex")))).toBe(want),
  );

  it("ok/small INTEGERs", () => {
    expect(hex(smallInteger(0))).toBe("020100");
    expect(hex(smallInteger(2))).toBe("020102");
    expect(hex(smallInteger(200))).toBe("020200c8");
    expect(() => smallInteger(-1)).toThrow(RangeError);
  });

  it.each([
    ["1.2.840.10045.4.3.3", "06082a8648ce3d040303"],
    ["1.2.840.113549.1.1.12", "06092a864886f70d01010c"],
    ["2.5.29.17", "0603551d11"],
    ["2.999.3", "0603883703"],
  ])("ok/OID %s round-trips", (dotted, want) => {
    const der = oid(dotted);
    expect(hex(der)).toBe(want);
    expect(oidText(der, readTlv(der, 0))).toBe(dotted);
  });

  it("ok/named bits match @peculiar/x509's KeyUsage encoding for every flag combination", () => {
    for (let flags = 0; flags < 512; flags++) {
      const library = new Uint8Array(new x509.KeyUsagesExtension(flags).value);
      expect(hex(namedBits(flags)), `flags ${flags}`).toBe(hex(library));
    }
  });

  it.each([
    ["2026-11-25T01:02:03.999Z", "170d3236313132353031303230335a"],
    ["2049-12-31T23:59:59.000Z", "170d3439313233313233353935395a"],
    ["2050-01-01T00:00:00.000Z", "180f32303530303130313030303030305a"],
    ["1999-01-02T03:04:05.000Z", "170d3939303130323033303430355a"],
  ])("ok/time %s: UTCTime through 2049, GeneralizedTime after", (iso, want) =>
    expect(hex(x509Time(Date.parse(iso)))).toBe(want),
  );

  it("fail/times outside X.509's range", () => {
    expect(() => x509Time(Date.parse("1949-12-31T23:59:59Z"))).toThrow(RangeError);
  });
});
