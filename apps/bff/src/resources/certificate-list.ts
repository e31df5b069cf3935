import type { CertificateListApiResponse, CertificateListItem, CertificateListQuery } from "@pca/contracts";
import type { CcmPort } from "../upstream/port";
import { loadPems, type PemDeps } from "./certificate-pems";
import type { Outcome } from "./outcome";
import { presentCertificate } from "./present";

/** How many certificates are exported at once to fill the SAN column of one page. */
const PARALLEL_EXPORTS = 8;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * One page of CCM's certificate list (CCM pages, filters by `name` and sorts) with the columns a
 * person needs: CCM's record plus the SANs read from each certificate's own PEM through pki
 * (cached by id). A certificate whose SANs cannot be read (not ISSUED and never seen, or an
 * export failing) shows `subject_alternative_names: null` rather than failing the page.
 */
export async function listCertificates(
  deps: PemDeps & { readonly ccm: Pick<CcmPort, "listCertificates" | "exportCertificate"> },
  query: CertificateListQuery,
): Promise<Outcome<CertificateListApiResponse>> {
  const listed = await deps.ccm.listCertificates(query);
  if (!listed.ok) return listed;
  const certificates = await mapLimited(
    listed.value.certificates,
    PARALLEL_EXPORTS,
    async (c): Promise<CertificateListItem> => {
      const cached = deps.cache.get(c.certificate_id);
      const loaded = cached ? undefined : await loadPems(deps, c);
      const sans = cached?.subjectAltNames ?? (loaded?.ok ? loaded.value.pems.subjectAltNames : null);
      return { ...presentCertificate(c), subject_alternative_names: sans };
    },
  );
  return { ok: true, value: { total: listed.value.total, certificates } };
}
