import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { makeCsr } from "../../apps/bff/src/issuance/testing/make-csr";

/**
 * Fresh CSRs for the soak, half P-256 (a new key each) and half RSA-2048. RSA key generation takes
 * ~100 ms, so RSA CSRs rotate over a few keys made once, each CSR with its own subject and
 * signature; every CSR is distinct.
 */
export class CsrPool {
  private readonly rsaKeys: { privateKey: KeyObject; publicKey: KeyObject }[];
  private pool: string[] = [];
  private serial = 0;

  constructor(rsaKeyCount = 8) {
    this.rsaKeys = Array.from({ length: rsaKeyCount }, () =>
      generateKeyPairSync("rsa", { modulusLength: 2048 }),
    );
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
    return makeCsr(this.serial % 2 === 0 || !key ? { cn, dns: [cn] } : { cn, dns: [cn], key }).pem;
  }
}
