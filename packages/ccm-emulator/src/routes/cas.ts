import { CcmError } from "../errors";
import { json, type OperationHandlers } from "../http/route";
import { joinWirePem, toWirePem } from "../pki/pem";
import { countListedCas, getCa, issuersOf, listCas } from "../state/cas";
import { listWindow } from "./params";
import { presentCa } from "./present";
import type { EmulatorState } from "./state";

/** CCM's fixed CA quota (reference §3.7). */
export const CA_QUOTA = 100;

type CaOperation =
  | "ShowCertificateAuthorityQuota"
  | "ListCertificateAuthority"
  | "ShowCertificateAuthority"
  | "ExportCertificateAuthorityCsr"
  | "ExportCertificateAuthorityCertificate";

/** The CA operations (reference §2.1, §3.1-§3.3, §3.7); their input is checked by the routing. */
export function caHandlers(state: EmulatorState): Pick<OperationHandlers, CaOperation> {
  const { db, credentials } = state;
  const caOr404 = (id: string, now: number) => {
    const ca = getCa(db, id, now);
    if (!ca) throw new CcmError("NOT_FOUND");
    return ca;
  };
  return {
    // Every CA counts, in every state (ccm-lifecycle §4.4). [unverified] A CA certificate issued by
    // CreateCertificateByCsr with INTERMEDIATE_CA, which the CA list does not show, does not.
    ShowCertificateAuthorityQuota: () =>
      json({
        quotas: { resources: [{ type: "CERTIFICATE_AUTHORITY", used: countListedCas(db), quota: CA_QUOTA }] },
      }),
    ListCertificateAuthority: ({ query: q, now }) => {
      const filter = { name: q.name, status: q.status, type: q.type, sortKey: q.sort_key ?? "create_time" };
      const { total, rows } = listCas(db, filter, listWindow(q), now);
      return json({
        total,
        certificate_authorities: rows.map((ca) => presentCa(ca, credentials.domainId)),
      });
    },
    ShowCertificateAuthority: ({ params, now }) =>
      json(presentCa(caOr404(params.ca_id, now), credentials.domainId)),
    ExportCertificateAuthorityCsr: ({ params, now }) => {
      const ca = caOr404(params.ca_id, now);
      if (ca.effective_status !== "PENDING" || ca.csr_pem === null) throw new CcmError("CA_NOT_PENDING");
      return json({ csr: toWirePem(ca.csr_pem) });
    },
    ExportCertificateAuthorityCertificate: ({ params, now }) => {
      const ca = caOr404(params.ca_id, now);
      const exportable = ca.effective_status === "ACTIVED" || ca.effective_status === "EXPIRED";
      if (!exportable || ca.certificate_pem === null) throw new CcmError("CA_NOT_EXPORTABLE");
      // [unverified] A root's chain is empty: the chain lists the issuers above the CA only.
      const chain = issuersOf(db, ca, now).flatMap((p) =>
        p.certificate_pem === null ? [] : [p.certificate_pem],
      );
      return json({ certificate: toWirePem(ca.certificate_pem), certificate_chain: joinWirePem(chain) });
    },
  };
}
