import { execFileSync } from "node:child_process";

/**
 * Runs OpenSSL 3 on a file and returns what it printed (stdout and stderr: `req -verify` reports on
 * stderr). Throws when OpenSSL refuses the file, so a test fails on anything it cannot read.
 */
export function openssl(args: readonly string[]): string {
  return execFileSync("openssl", [...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** `openssl x509 -noout -subject` on a downloaded certificate (the first in the file). */
export const certificateSubject = (file: string): string =>
  openssl(["x509", "-in", file, "-noout", "-subject", "-nameopt", "RFC2253"]).trim();

/** `openssl req -noout -verify -subject`: the CSR parses and its self-signature verifies. */
export function verifyCsr(file: string): string {
  return execFileSync(
    "openssl",
    ["req", "-in", file, "-noout", "-verify", "-subject", "-nameopt", "RFC2253"],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  ).trim();
}
