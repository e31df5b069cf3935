import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { decodeCsr, lintCsr, previewCsr } from "@pca/pki/node";
import { timePythonCsr } from "./python-csr";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** ms per CSR for one way of reading and verifying it. */
export interface ParseFigures {
  readonly name: string;
  readonly msPerOp: number;
  readonly p99Ms: number;
}

/** @peculiar/x509 is a dependency of @pca/pki, not of the root: load it from there. */
async function plainLibrary() {
  const fromPki = createRequire(`${ROOT}packages/pki/package.json`);
  await import(pathToFileURL(fromPki.resolve("reflect-metadata")).href);
  const x509 = await import(pathToFileURL(fromPki.resolve("@peculiar/x509")).href);
  x509.cryptoProvider.set(globalThis.crypto);
  return x509.Pkcs10CertificateRequest as new (
    pem: string,
  ) => { verify(): Promise<boolean> };
}

/**
 * Our preview (decodeCsr + previewCsr with node:crypto + lintCsr, what the console does for a
 * pasted CSR) against the plain @peculiar/x509 path (`new Pkcs10CertificateRequest(pem)` +
 * `await csr.verify()`), interleaved so a busy neighbour slows both alike, and Python
 * cryptography's `load_pem_x509_csr` + `is_signature_valid` when python3 has it.
 */
export async function timeCsrParsing(pem: string, n: number): Promise<ParseFigures[]> {
  const Pkcs10CertificateRequest = await plainLibrary();
  const ours = async () => {
    const decoded = decodeCsr(pem);
    if (!decoded.ok) throw new Error(decoded.error.code);
    const preview = await previewCsr(decoded.value);
    if (preview.signatureValid !== true) throw new Error("ours: the signature does not verify");
    lintCsr(preview);
  };
  const plain = async () => {
    if (!(await new Pkcs10CertificateRequest(pem).verify())) throw new Error("plain: bad signature");
  };
  const ops = [ours, plain];
  for (let i = 0; i < Math.min(300, n); i++) for (const op of ops) await op();
  (globalThis as { gc?: () => void }).gc?.();
  const samples = ops.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < ops.length; j++) {
      const k = i % 2 === 0 ? j : ops.length - 1 - j;
      const t = performance.now();
      await ops[k]?.();
      const s = samples[k];
      if (s) s[i] = performance.now() - t;
    }
  }
  const figures = (name: string, s: Float64Array | undefined): ParseFigures => {
    const sorted = (s ?? new Float64Array(0)).sort();
    return {
      name,
      msPerOp: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
      p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN,
    };
  };
  const out = [
    figures("ours: @pca/pki decode + preview + lint (node:crypto)", samples[0]),
    figures("plain @peculiar/x509: new Pkcs10CertificateRequest + verify()", samples[1]),
  ];
  const python = timePythonCsr(pem, n);
  if (python) {
    out.push({
      name: `Python cryptography ${python.version}: load_pem_x509_csr + is_signature_valid`,
      msPerOp: python.msPerOp,
      p99Ms: python.p99Ms,
    });
  }
  return out;
}
