import { createPrivateKey } from "node:crypto";
import type { CaRow } from "../state/cas";
import type { KeyAlgorithm } from "./algorithms";
import { issuerPartsOf } from "./certificate-parts";
import { x509 } from "./crypto";
import type { Signer } from "./issue";

/**
 * CA signers, kept per CA so an issuance neither re-imports PKCS#8 nor re-reads the CA's
 * certificate each time. A CA without a key or a certificate (PENDING, or an INTERMEDIATE_CA
 * result whose key is on the user's side) has no signer.
 */
export class SignerCache {
  private readonly signers = new Map<string, Signer>();

  /**
   * The signer of a CA known by id: the cached one, or one made from the row `load` reads (key
   * and certificate), so the hot path never reads those columns once the CA has signed.
   */
  forCa(caId: string, load: () => CaRow | undefined): Signer | undefined {
    const cached = this.signers.get(caId);
    if (cached) return cached;
    const row = load();
    return row ? this.get(row) : undefined;
  }

  get(ca: CaRow): Signer | undefined {
    if (ca.private_key_pkcs8 === null || ca.certificate_pem === null) return undefined;
    let signer = this.signers.get(ca.ca_id);
    if (!signer) {
      const parts = issuerPartsOf(x509.PemConverter.decodeFirst(ca.certificate_pem));
      signer = {
        name: parts.name,
        keyId: parts.keyId,
        key: createPrivateKey({ key: ca.private_key_pkcs8, format: "der", type: "pkcs8" }),
        keyAlgorithm: ca.key_algorithm as KeyAlgorithm,
      };
      this.signers.set(ca.ca_id, signer);
    }
    return signer;
  }
}
