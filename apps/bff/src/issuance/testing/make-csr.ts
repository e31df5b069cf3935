import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

/**
 * Fresh CSRs for tests and the benchmark, built with node:crypto and a few lines of DER (no
 * dependency, and fast enough to make thousands): EC P-256 (or P-384), ecdsa-with-SHA256/384, or
 * a given RSA key with sha256WithRSAEncryption; a CN and optional DNS subject alternative names.
 */

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
const oid = (dotted: string): Buffer => {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);

export interface MadeCsr {
  /** PEM with LF newlines and a final newline. */
  readonly pem: string;
  readonly der: Buffer;
  readonly privateKey: KeyObject;
}

/** The signature algorithm for a key: SHA-256 for RSA and P-256, SHA-384 for P-384. */
function signatureFor(publicKey: KeyObject): { hash: string; algorithm: Buffer } {
  if (publicKey.asymmetricKeyType === "rsa") {
    return { hash: "sha256", algorithm: seq(oid("1.2.840.113549.1.1.11"), tlv(0x05)) };
  }
  return publicKey.asymmetricKeyDetails?.namedCurve === "secp384r1"
    ? { hash: "sha384", algorithm: seq(oid("1.2.840.10045.4.3.3")) }
    : { hash: "sha256", algorithm: seq(oid("1.2.840.10045.4.3.2")) };
}

/**
 * A CSR signed by a fresh EC key of `curve`, or by `key` (an RSA or EC pair to reuse: RSA keys
 * take ~100 ms to make); with `tamper` its signature does not verify.
 */
export function makeCsr(
  options: {
    cn?: string;
    dns?: readonly string[];
    curve?: "P-256" | "P-384";
    key?: { readonly publicKey: KeyObject; readonly privateKey: KeyObject };
    tamper?: boolean;
  } = {},
): MadeCsr {
  const curve = options.curve ?? "P-256";
  const { publicKey, privateKey } =
    options.key ??
    generateKeyPairSync("ec", {
      namedCurve: curve === "P-256" ? "prime256v1" : "secp384r1",
    });
  const cn = options.cn ?? "generated.example.com";
  const subject = seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0c, Buffer.from(cn, "utf8")))));
  const spki = publicKey.export({ type: "spki", format: "der" });
  const dns = options.dns ?? [];
  const san = dns.length
    ? seq(oid("2.5.29.17"), tlv(0x04, seq(...dns.map((d) => tlv(0x82, Buffer.from(d, "ascii"))))))
    : undefined;
  const attributes = san ? tlv(0xa0, seq(oid("1.2.840.113549.1.9.14"), tlv(0x31, seq(san)))) : tlv(0xa0);
  const info = seq(tlv(0x02, Buffer.from([0])), subject, spki, attributes);
  const { hash, algorithm } = signatureFor(publicKey);
  // Tampered: a valid structure whose signature covers other bytes than the ones sent.
  const signature = sign(hash, options.tamper ? Buffer.concat([info, Buffer.from([0])]) : info, privateKey);
  const der = seq(info, algorithm, tlv(0x03, Buffer.from([0]), signature));
  const b64 = der.toString("base64").replace(/.{1,64}/g, "$&\n");
  return {
    pem: `-----BEGIN CERTIFICATE REQUEST-----\n${b64}-----END CERTIFICATE REQUEST-----\n`,
    der,
    privateKey,
  };
}
