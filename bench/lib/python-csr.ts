import { execFileSync } from "node:child_process";

/** Python cryptography's figures for one CSR: ms per load + verify, over `iterations` rounds. */
export interface PythonCsrFigures {
  readonly version: string;
  readonly msPerOp: number;
  readonly p99Ms: number;
}

const SCRIPT = `
import sys, time, json
import cryptography
from cryptography import x509
pem = sys.stdin.buffer.read()
n = int(sys.argv[1])
for _ in range(min(200, n)):
    x509.load_pem_x509_csr(pem).is_signature_valid
samples = []
for _ in range(n):
    t = time.perf_counter_ns()
    csr = x509.load_pem_x509_csr(pem)
    csr.is_signature_valid
    samples.append(time.perf_counter_ns() - t)
samples.sort()
print(json.dumps({"version": cryptography.__version__, "mean_ns": sum(samples) / n, "p99_ns": samples[int(n * 0.99) - 1]}))
`;

/**
 * Times `load_pem_x509_csr` + `is_signature_valid` in python3, when python3 has the cryptography
 * package; undefined otherwise (the comparison is then left out of the table).
 */
export function timePythonCsr(pem: string, iterations = 5000): PythonCsrFigures | undefined {
  try {
    const out = execFileSync("python3", ["-c", SCRIPT, String(iterations)], {
      input: pem,
      stdio: ["pipe", "pipe", "ignore"],
      timeout: 120_000,
    }).toString();
    const parsed = JSON.parse(out) as { version: string; mean_ns: number; p99_ns: number };
    return { version: parsed.version, msPerOp: parsed.mean_ns / 1e6, p99Ms: parsed.p99_ns / 1e6 };
  } catch {
    return undefined;
  }
}
