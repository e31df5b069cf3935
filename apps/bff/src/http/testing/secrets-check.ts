import { existsSync, readFileSync } from "node:fs";

const lines = (file: string): string[] =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.length > 0)
        .map((l) => String(JSON.parse(l)))
    : [];

/**
 * Returns one sentence per leak: a registered secret found in a recorded response or log line.
 * The record already leaves out the two places a secret belongs (the session cookie in
 * Set-Cookie, the token secret in its creation answer), so any hit is a leak.
 */
export function findLeaks(trafficFile: string, secretsFile: string): string[] {
  const traffic = lines(trafficFile);
  const secrets = [...new Set(lines(secretsFile))].filter((s) => s.length >= 8);
  const leaks: string[] = [];
  for (const secret of secrets) {
    const hit = traffic.find((t) => t.includes(secret));
    if (hit !== undefined) leaks.push(`A secret (${secret.slice(0, 4)}…) appears in: ${hit.slice(0, 200)}`);
  }
  return leaks;
}
