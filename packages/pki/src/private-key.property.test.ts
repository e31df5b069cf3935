import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { encodeBase64 } from "./base64";
import { previewCertificate } from "./certificate-preview";
import { runCli } from "./cli/run";
import { nodeCryptoProvider } from "./crypto/node";
import { decodeCsr } from "./decode-csr";
import { fixtureBytes } from "./testing/fixtures";
import { PROPERTY_RUNS } from "./testing/runs";

/** A private key as PEM, and the windows of its body and DER that must never appear in output. */
interface Secret {
  pem: string;
  der: Uint8Array;
  windows: string[];
}

function secret(pem: string): Secret {
  const body = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  const der = new Uint8Array(Buffer.from(body, "base64"));
  const hex = Buffer.from(der).toString("hex");
  const windows: string[] = [];
  // 12 base64 characters (9 bytes) or 18 hex digits of the key; every longer leak contains one.
  for (let i = 0; i + 12 <= body.length; i += 3) windows.push(body.slice(i, i + 12));
  for (let i = 0; i + 18 <= hex.length; i += 6) windows.push(hex.slice(i, i + 18));
  return { pem, der, windows };
}

function expectNoLeak(output: string, key: Secret): void {
  for (const w of key.windows)
    if (output.includes(w)) throw new Error(`private key material in output: ${w}`);
}

const text = (file: string) => new TextDecoder().decode(fixtureBytes(file));
const csrPem = text("csr/ec-p256-mail-tls.pem");
const secrets: Secret[] = [];

beforeAll(async () => {
  for (const file of [
    "bad/private-key-pkcs8.pem",
    "bad/private-key-rsa-pkcs1.pem",
    "bad/private-key-encrypted.pem",
  ]) {
    secrets.push(secret(text(file)));
  }
  const combined = text("bad/csr-with-private-key.pem");
  const keyBlock = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/.exec(
    combined,
  )?.[0];
  if (keyBlock) secrets.push(secret(keyBlock));
  const ec = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-384" }, true, ["sign"]);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", ec.privateKey));
  secrets.push(secret(`-----BEGIN PRIVATE KEY-----\n${encodeBase64(pkcs8)}\n-----END PRIVATE KEY-----\n`));
});

const body = (k: Secret) => encodeBase64(k.der);
const wrap = (b64: string, label: string, nl = "\n") =>
  [`-----BEGIN ${label}-----`, ...(b64.match(/.{1,64}/g) ?? []), `-----END ${label}-----`].join(nl);

/** Ways a private key reaches a CSR box: every one must be refused as a private key. */
const FORMS: Record<string, (k: Secret) => string | Uint8Array> = {
  pem: (k) => k.pem,
  crlf: (k) => k.pem.replace(/\n/g, "\r\n"),
  cr: (k) => k.pem.replace(/\n/g, "\r"),
  jsonEscaped: (k) => JSON.stringify(k.pem),
  jsonEscapedBare: (k) => JSON.stringify(k.pem.replace(/\n/g, "\r\n")).slice(1, -1),
  lowercaseLabel: (k) => k.pem.replace(/PRIVATE KEY/g, "private key"),
  bareBase64: (k) => body(k),
  bareWrapped: (k) => (body(k).match(/.{1,64}/g) ?? []).join("\n"),
  der: (k) => k.der,
  underCsrLabel: (k) => wrap(body(k), "CERTIFICATE REQUEST"),
  underCertificateLabel: (k) => wrap(body(k), "CERTIFICATE"),
  underPublicKeyLabel: (k) => wrap(body(k), "PUBLIC KEY"),
  keyThenCsr: (k) => `${k.pem}\n${csrPem}`,
  csrThenKey: (k) => `${csrPem}\n${k.pem}`,
};

const logs = vi.fn();
beforeEach(() => {
  for (const m of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, m).mockImplementation(logs);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("a private key in any form", () => {
  it("is refused as CSR_PRIVATE_KEY, and no part of it is in the result or a log", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom(...Object.keys(FORMS)),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (i, form, before, after) => {
          const key = secrets[i % secrets.length];
          const write = FORMS[form];
          if (!key || !write) throw new Error("setup");
          const input = write(key);
          // Junk around text forms: people paste more than they meant to.
          const framed =
            typeof input === "string"
              ? `${before.replace(/-/g, "")}\n${input}\n${after.replace(/-/g, "")}`
              : input;
          const result = decodeCsr(framed);
          expect(result.ok).toBe(false);
          // Junk glued to a bare base64 key makes it no base64 at all: still refused, as CSR_NOT_PEM.
          const recognisable = !form.startsWith("bare") || (before.trim() === "" && after.trim() === "");
          if (!result.ok && recognisable)
            expect([form, result.error.code]).toEqual([form, "CSR_PRIVATE_KEY"]);
          expectNoLeak(JSON.stringify(result), key);
          expect(logs).not.toHaveBeenCalled();
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("damaged (bit flips) is still refused without echoing any of it", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (i, flips, asDer) => {
          const key = secrets[i % secrets.length];
          if (!key) throw new Error("setup");
          const der = key.der.slice();
          for (const f of flips) der[f % der.length] = (der[f % der.length] ?? 0) ^ (1 << (f % 8));
          const result = decodeCsr(asDer ? der : wrap(encodeBase64(der), "PRIVATE KEY"));
          expect(result.ok).toBe(false);
          expectNoLeak(JSON.stringify(result), key);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("given to previewCertificate is refused without echoing it", async () => {
    for (const key of secrets) {
      for (const write of Object.values(FORMS)) {
        const result = await previewCertificate(write(key), { crypto: nodeCryptoProvider });
        expect(result.ok).toBe(false);
        expectNoLeak(JSON.stringify(result), key);
      }
    }
  });

  describe("given to the csr command", () => {
    let dir = "";
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "pki-leak-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("exits 2 and prints none of it, with or without --json", async () => {
      for (const [k, key] of secrets.entries()) {
        for (const [name, write] of Object.entries(FORMS)) {
          const file = join(dir, `${k}-${name}`);
          writeFileSync(file, write(key));
          for (const args of [
            ["inspect", "--json", file],
            ["inspect", file],
            ["wire", file],
          ]) {
            const chunks: string[] = [];
            const io = {
              stdout: (t: string) => chunks.push(t),
              stderr: (t: string) => chunks.push(t),
              env: {},
              cwd: dir,
            };
            expect(await runCli(args, io)).toBe(2);
            const out = chunks.join("");
            expect(out).toContain("CSR_PRIVATE_KEY");
            expectNoLeak(out, key);
          }
        }
      }
    });
  });
});
