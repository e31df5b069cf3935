import "reflect-metadata";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

const P256 = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/** A fresh P-256 CSR (and its PKCS#8 private key, for leak tests) made with @peculiar/x509. */
export async function generateCsr(
  options: { subject?: string; dns?: string[]; extensions?: x509.Extension[] } = {},
): Promise<{
  pem: string;
  der: Uint8Array;
  privateKeyPem: string;
}> {
  const keys = await globalThis.crypto.subtle.generateKey(P256, true, ["sign", "verify"]);
  const extensions = options.dns
    ? [
        new x509.SubjectAlternativeNameExtension(
          options.dns.map((value) => ({ type: "dns" as const, value })),
        ),
      ]
    : (options.extensions ?? []);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: options.subject ?? "CN=generated.example.com",
    keys,
    signingAlgorithm: P256,
    extensions,
  });
  const pkcs8 = await globalThis.crypto.subtle.exportKey("pkcs8", keys.privateKey);
  return {
    pem: csr.toString("pem"),
    der: new Uint8Array(csr.rawData),
    privateKeyPem: x509.PemConverter.encode(pkcs8, "PRIVATE KEY"),
  };
}
