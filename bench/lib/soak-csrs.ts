import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { makeCsr } from "../../apps/bff/src/issuance/testing/make-csr";

const len = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};
// Pre-encoded OIDs: commonName, subjectAltName, extensionRequest, sha256WithRSAEncryption.
const CN = Buffer.from("0603550403", "hex");
const SAN = Buffer.from("0603551d11", "hex");
const EXTENSION_REQUEST = Buffer.from("06092a864886f70d01090e", "hex");
const SHA256_RSA = Buffer.from("06092a864886f70d01010b0500", "hex");

/** An RSA CSR (sha256WithRSAEncryption) for a CN that is also its one DNS name. */
function rsaCsr(privateKey: KeyObject, publicDer: Buffer, cn: string): string {
  const name = Buffer.from(cn, "ascii");
  const subject = tlv(0x30, tlv(0x31, tlv(0x30, CN, tlv(0x0c, name))));
  const san = tlv(0x30, SAN, tlv(0x04, tlv(0x30, tlv(0x82, name))));
  const attributes = tlv(0xa0, tlv(0x30, EXTENSION_REQUEST, tlv(0x31, tlv(0x30, san))));
  const info = tlv(0x30, tlv(0x02, Buffer.from([0])), subject, publicDer, attributes);
  const signature = sign("sha256", info, privateKey);
  const der = tlv(0x30, info, tlv(0x30, SHA256_RSA), tlv(0x03, Buffer.from([0]), signature));
  const b64 = der.toString("base64").replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN CERTIFICATE REQUEST-----\n${b64}-----END CERTIFICATE REQUEST-----\n`;
}

/**
 * Fresh CSRs for the soak, half P-256 (a new key each) and half RSA-2048. RSA key generation takes
 * ~100 ms, so RSA CSRs rotate over a few keys made once, each CSR with its own subject and
 * signature; every CSR is distinct.
 */
export class CsrPool {
  private readonly rsaKeys: { privateKey: KeyObject; publicDer: Buffer }[];
  private pool: string[] = [];
  private serial = 0;

  constructor(rsaKeyCount = 8) {
    this.rsaKeys = Array.from({ length: rsaKeyCount }, () => {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      return { privateKey, publicDer: publicKey.export({ type: "spki", format: "der" }) };
    });
  }

  /** The next CSR, alternating P-256 and RSA-2048; made on the spot when the pool is empty. */
  take(): string {
    return this.pool.pop() ?? this.make();
  }

  /** Tops the pool up to `size` CSRs (before a load window, so making them costs no load time). */
  refill(size: number): void {
    while (this.pool.length < size) this.pool.push(this.make());
  }

  private make(): string {
    this.serial += 1;
    const cn = `soak-${this.serial}.example.com`;
    const key = this.rsaKeys[this.serial % this.rsaKeys.length];
    if (this.serial % 2 === 0 || !key) return makeCsr({ cn, dns: [cn] }).pem;
    return rsaCsr(key.privateKey, key.publicDer, cn);
  }
}
