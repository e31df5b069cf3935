import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** CSR fixtures copied from the repository's fixtures/ (public CSRs; no private key is kept here). */
const dir = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const read = (name: string) => readFileSync(join(dir, name));

export const fixtures = {
  ecPem: () => read("ec-p256-mail-tls.pem").toString("utf8"),
  derBytes: () => new Uint8Array(read("p256-kiosk.der")),
  badSignaturePem: () => read("bad-signature-p256.pem").toString("utf8"),
  weakRsaPem: () => read("rsa1024-weak.pem").toString("utf8"),
  intermediatePem: () => read("intermediate-ca-request.pem").toString("utf8"),
};
