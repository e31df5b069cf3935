import type { CertificateAuthority } from "@pca/contracts";
import type { CcmPort, UpstreamResult } from "../upstream/port";

type ShowCa = Pick<CcmPort, "showCertificateAuthority">;

/**
 * The issuing CA as the issuance policy reads it (status, type, path length, validity), kept for
 * a few seconds. Without it every issuance costs a second signed call to CCM
 * (ShowCertificateAuthority) to re-read a record that changes a few times in a CA's life. Only
 * reads of an ACTIVED CA are kept; concurrent
 * readers of one CA share one call; an entry is dropped as soon as CCM refuses or fails an
 * issuance from that CA, so a CA disabled in CCM is re-read at once. The policy check is the
 * console's pre-flight: CCM itself still refuses to issue from a CA that is not ACTIVED.
 */
export interface IssuerCache {
  /** `ccm`'s showCertificateAuthority, answered from the cache while an entry is fresh. */
  show(ccm: ShowCa, caId: string): Promise<UpstreamResult<CertificateAuthority>>;
  /** Drops the CA's entry (after CCM refused or failed an issuance from it). */
  forget(caId: string): void;
}

export interface IssuerCacheOptions {
  /** How long a read is reused; 0 turns the cache off (every issuance reads the CA). */
  readonly ttlMs: number;
  readonly now: () => number;
  /** The most CAs kept (CCM allows a few hundred per account); the oldest entry goes first. */
  readonly maxEntries?: number;
}

interface Entry {
  readonly expires: number;
  readonly read: Promise<UpstreamResult<CertificateAuthority>>;
}

export function createIssuerCache({ ttlMs, now, maxEntries = 1000 }: IssuerCacheOptions): IssuerCache {
  const entries = new Map<string, Entry>();
  return {
    show(ccm, caId) {
      if (ttlMs <= 0) return ccm.showCertificateAuthority(caId);
      const hit = entries.get(caId);
      if (hit && hit.expires > now()) return hit.read;
      const read = ccm.showCertificateAuthority(caId);
      const entry: Entry = { expires: now() + ttlMs, read };
      entries.delete(caId);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(caId, entry);
      // Only an ACTIVED CA is kept: after a failed read, or a CA that cannot issue (which the
      // policy refuses cheaply anyway), the next issuance asks CCM again, so a CA re-enabled in
      // CCM issues at once.
      const drop = () => {
        if (entries.get(caId) === entry) entries.delete(caId);
      };
      read.then((result) => (result.ok && result.value.status === "ACTIVED" ? undefined : drop()), drop);
      return read;
    },
    forget(caId) {
      entries.delete(caId);
    },
  };
}
