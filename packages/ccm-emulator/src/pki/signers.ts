import type { CaRow } from "../state/cas";
import { importSigningKey, type KeyAlgorithm } from "./algorithms";
import { x509 } from "./crypto";
import type { Signer } from "./issue";

/**
 * Imported CA keys, kept per CA so an issuance does not re-import PKCS#8 each time. A CA without
 * a key or a certificate (PENDING, or an INTERMEDIATE_CA result whose key is on the user's side)
 * has no signer.
 */
export class SignerCache {
  private readonly signers = new Map<string, Promise<Signer>>();

  get(ca: CaRow): Promise<Signer> | undefined {
    if (ca.private_key_pkcs8 === null || ca.certificate_pem === null) return undefined;
    let signer = this.signers.get(ca.ca_id);
    if (!signer) {
      const keyAlgorithm = ca.key_algorithm as KeyAlgorithm;
      const certificate = new x509.X509Certificate(ca.certificate_pem);
      signer = importSigningKey(ca.private_key_pkcs8, keyAlgorithm).then((key) => ({
        certificate,
        key,
        keyAlgorithm,
      }));
      this.signers.set(ca.ca_id, signer);
    }
    return signer;
  }
}
