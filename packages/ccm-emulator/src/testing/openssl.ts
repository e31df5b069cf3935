import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs openssl 3 with files written to a temporary directory; returns stdout (stderr folded in). */
export function openssl(args: (dir: string) => string[], files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "ccm-emulator-openssl-"));
  try {
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(dir, name), text.replace(/\r\n/g, "\n"));
    return execFileSync("openssl", args(dir), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `openssl verify -CAfile root -untrusted chain cert`: "cert.pem: OK" when the chain holds. */
export const verifyChain = (root: string, chain: string, cert: string): string =>
  openssl(
    (d) => [
      "verify",
      "-CAfile",
      join(d, "root.pem"),
      ...(chain ? ["-untrusted", join(d, "chain.pem")] : []),
      join(d, "cert.pem"),
    ],
    { "root.pem": root, "chain.pem": chain, "cert.pem": cert },
  );

/** The certificate's public key as openssl prints it (PEM SPKI). */
export const certificatePublicKey = (cert: string): string =>
  openssl((d) => ["x509", "-in", join(d, "c.pem"), "-noout", "-pubkey"], { "c.pem": cert });

/** The CSR's public key as openssl prints it (PEM SPKI). */
export const csrPublicKey = (csr: string): string =>
  openssl((d) => ["req", "-in", join(d, "r.pem"), "-noout", "-pubkey"], { "r.pem": csr });

/** `openssl x509 -text` of a certificate. */
export const certificateText = (cert: string): string =>
  openssl((d) => ["x509", "-in", join(d, "c.pem"), "-noout", "-text", "-nameopt", "utf8"], { "c.pem": cert });
