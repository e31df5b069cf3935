import { AsnConvert, type IAsnConvertible } from "@peculiar/asn1-schema";
import * as asn1js from "asn1js";

/** An asn1js node that writes the DER it holds, as it is. */
class Written extends asn1js.BaseBlock {
  constructor(private readonly der: Uint8Array) {
    super();
  }

  override toBER(sizeOnly?: boolean, writer?: asn1js.ViewWriter): ArrayBuffer {
    const buffer = sizeOnly ? new ArrayBuffer(this.der.byteLength) : this.der.slice().buffer;
    if (writer === undefined) return buffer;
    writer.write(buffer);
    return new ArrayBuffer(0);
  }
}

/** The IAsnConvertible asn1-schema writes through `toASN`: a value known only as its DER. */
class Encoded implements IAsnConvertible<asn1js.BaseBlock> {
  constructor(private der: Uint8Array = new Uint8Array()) {}

  toASN(): asn1js.BaseBlock {
    return new Written(this.der);
  }

  fromASN(node: asn1js.BaseBlock): this {
    this.der = node.valueBeforeDecodeView;
    return this;
  }

  toSchema(name: string): asn1js.BaseBlock {
    return new asn1js.Any({ name }) as unknown as asn1js.BaseBlock;
  }
}

/**
 * A value for a field of an @peculiar/asn1-x509 schema (a Name, a SubjectPublicKeyInfo, an
 * Extension...) that asn1-schema writes as the given DER. asn1-schema serializes any
 * IAsnConvertible through its `toASN`, whatever the field's declared type, so DER read from a CSR
 * or a CA certificate, or encoded once for every certificate, is copied byte for byte instead of
 * being encoded again through asn1js's object model, which costs several microseconds a node (a
 * six-attribute Name takes longer than signing the certificate). `_type` only names what the DER
 * holds.
 */
export const encoded = <T>(der: Uint8Array, _type: abstract new () => T): T =>
  new Encoded(der) as unknown as T;

/** A schema value encoded once, to be written as it is wherever it is used again. */
export const encodeOnce = <T extends object>(value: T): T =>
  encoded(new Uint8Array(AsnConvert.serialize(value)), value.constructor as abstract new () => T);
