import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { BasicConstraints, Extension, Extensions, Name } from "@peculiar/asn1-x509";
import { describe, expect, it } from "vitest";
import { encoded, encodeOnce } from "./encoded";

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString("hex");
const der = (h: string) => Uint8Array.from(Buffer.from(h, "hex"));

/** subjectAltName with its critical flag written out as FALSE, which DER leaves out. */
const SAN_EXPLICIT_FALSE = "3014 0603551d11 010100 040a3008820661 2e 6578616d".replace(/\s+/g, "");

const endEntity = () =>
  new Extension({
    extnID: "2.5.29.19",
    critical: true,
    extnValue: new OctetString(AsnConvert.serialize(new BasicConstraints())),
  });

describe("encoded", () => {
  it("ok/written byte for byte inside a schema, where the schema would write it otherwise", () => {
    const extension = der(SAN_EXPLICIT_FALSE);
    const reencoded = hex(AsnConvert.serialize(new Extensions([AsnConvert.parse(extension, Extension)])));
    expect(reencoded).not.toContain(hex(extension));
    const written = hex(AsnConvert.serialize(new Extensions([encoded(extension, Extension)])));
    expect(written).toBe(`30${extension.length.toString(16).padStart(2, "0")}${hex(extension)}`);
  });

  it("ok/written as it is at the top level, in a field of a schema and after other fields", () => {
    const name = der("300f310d300b06035504030c0461626364");
    expect(hex(AsnConvert.serialize(encoded(name, Name)))).toBe(hex(name));
    const list = new Extensions([endEntity(), encoded(der(SAN_EXPLICIT_FALSE), Extension)]);
    expect(AsnConvert.parse(AsnConvert.serialize(list), Extensions).map((e) => e.extnID)).toEqual([
      "2.5.29.19",
      "2.5.29.17",
    ]);
  });

  it("ok/encodeOnce writes what serializing the value writes", () => {
    const value = endEntity();
    expect(hex(AsnConvert.serialize(encodeOnce(value)))).toBe(hex(AsnConvert.serialize(value)));
    const constraints = new BasicConstraints({ cA: true, pathLenConstraint: 0 });
    expect(hex(AsnConvert.serialize(encodeOnce(constraints)))).toBe("30060101ff020100");
  });
});
