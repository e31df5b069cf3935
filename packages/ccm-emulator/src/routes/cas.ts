import { CaListQuerySchema } from "@pca/contracts";
import { CcmError } from "../errors";
import { json, type Route } from "../http/route";
import { joinWirePem, toWirePem } from "../pki/pem";
import { countListedCas, getCa, issuersOf, listCas } from "../state/cas";
import { idParam, listWindow, parseOrThrow, queryObject } from "./params";
import { presentCa } from "./present";
import type { EmulatorState } from "./state";

/** CCM's fixed CA quota (reference §3.7). */
export const CA_QUOTA = 100;

const BASE = "/v1/private-certificate-authorities";

/** The CA operations (reference §2.1, §3.1-§3.3, §3.7). */
export function caRoutes(state: EmulatorState): Route[] {
  const { db, credentials } = state;
  const caOr404 = (id: string | undefined, now: number) => {
    const ca = getCa(db, idParam(id), now);
    if (!ca) throw new CcmError("NOT_FOUND");
    return ca;
  };
  return [
    {
      method: "GET",
      path: `${BASE}/quotas`,
      operation: "ShowCertificateAuthorityQuota",
      authenticated: true,
      handle: () =>
        json({
          quotas: {
            resources: [{ type: "CERTIFICATE_AUTHORITY", used: countListedCas(db), quota: CA_QUOTA }],
          },
        }),
    },
    {
      method: "GET",
      path: BASE,
      operation: "ListCertificateAuthority",
      authenticated: true,
      handle: ({ query, now }) => {
        const q = parseOrThrow(CaListQuerySchema, queryObject(query));
        const filter = { name: q.name, status: q.status, type: q.type, sortKey: q.sort_key ?? "create_time" };
        const { total, rows } = listCas(db, filter, listWindow(q), now);
        return json({
          total,
          certificate_authorities: rows.map((ca) => presentCa(ca, credentials.domainId)),
        });
      },
    },
    {
      method: "GET",
      path: `${BASE}/:ca_id`,
      operation: "ShowCertificateAuthority",
      authenticated: true,
      handle: ({ params, now }) => json(presentCa(caOr404(params.ca_id, now), credentials.domainId)),
    },
    {
      method: "GET",
      path: `${BASE}/:ca_id/csr`,
      operation: "ExportCertificateAuthorityCsr",
      authenticated: true,
      handle: ({ params, now }) => {
        const ca = caOr404(params.ca_id, now);
        if (ca.effective_status !== "PENDING" || ca.csr_pem === null) throw new CcmError("CA_NOT_PENDING");
        return json({ csr: toWirePem(ca.csr_pem) });
      },
    },
    {
      method: "POST",
      path: `${BASE}/:ca_id/export`,
      operation: "ExportCertificateAuthorityCertificate",
      authenticated: true,
      handle: ({ params, now }) => {
        const ca = caOr404(params.ca_id, now);
        const exportable = ca.effective_status === "ACTIVED" || ca.effective_status === "EXPIRED";
        if (!exportable || ca.certificate_pem === null) throw new CcmError("CA_NOT_EXPORTABLE");
        // [unverified] A root's chain is empty: the chain lists the issuers above the CA only.
        const chain = issuersOf(db, ca, now).flatMap((p) =>
          p.certificate_pem === null ? [] : [p.certificate_pem],
        );
        return json({ certificate: toWirePem(ca.certificate_pem), certificate_chain: joinWirePem(chain) });
      },
    },
  ];
}
