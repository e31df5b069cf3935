import { CcmError } from "../errors";
import { json, type OperationHandlers, type Reply } from "../http/route";
import { zip } from "../http/zip";
import { CERTIFICATE_QUOTA, createCertificateByCsr } from "../issuance/create-certificate-by-csr";
import { joinWirePem, toWirePem } from "../pki/pem";
import { issuersOf } from "../state/cas";
import { countCertificates, getCertificate, listCertificates } from "../state/certificates";
import { listWindow } from "./params";
import { presentCertificate } from "./present";
import type { EmulatorState } from "./state";

/**
 * The files of a compressed export of a CSR-issued certificate, per type (reference §3.6). The
 * zip's Content-Type is not documented [unverified]: application/zip, which the SDK streams.
 */
function zipReply(type: string, commonName: string, certificate: string, chain: string): Reply {
  const pem = (s: string) => Buffer.from(`${s.replace(/\r\n/g, "\n")}\n`);
  const files =
    type === "NGINX"
      ? [{ name: "server.crt", data: pem(chain ? `${certificate}\r\n${chain}` : certificate) }]
      : type === "OTHER"
        ? [
            { name: "chain.pem", data: pem(chain) },
            { name: "cert.pem", data: pem(certificate) },
          ]
        : [
            { name: "chain.crt", data: pem(chain) },
            { name: "server.crt", data: pem(certificate) },
          ];
  const filename = `${commonName.replace(/[^A-Za-z0-9._-]/g, "_")}_${type.toLowerCase()}.zip`;
  return {
    status: 200,
    bytes: zip(files),
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  };
}

type CertificateOperation =
  | "CreateCertificateByCsr"
  | "ShowCertificateQuota"
  | "ListCertificate"
  | "ShowCertificate"
  | "ExportCertificate";

/** The private-certificate operations (reference §2.2, §3.4-§3.7); their input is checked by the routing. */
export function certificateHandlers(state: EmulatorState): Pick<OperationHandlers, CertificateOperation> {
  const { db } = state;
  const certificateOr404 = (id: string, now: number) => {
    const cert = getCertificate(db, id, now);
    if (!cert) throw new CcmError("NOT_FOUND");
    return cert;
  };
  return {
    CreateCertificateByCsr: async ({ body, now }) => {
      const result = await createCertificateByCsr(body, { db, signers: state.signers, now });
      if (!result.ok) throw new CcmError(result.error.code, result.error.message || undefined);
      return json(result.value);
    },
    ShowCertificateQuota: () =>
      json({
        quotas: {
          resources: [{ type: "CERTIFICATE", used: countCertificates(db), quota: CERTIFICATE_QUOTA }],
        },
      }),
    ListCertificate: ({ query: q, now }) => {
      const filter = { name: q.name, status: q.status, sortKey: q.sort_key ?? "create_time" };
      const { total, rows } = listCertificates(db, filter, listWindow(q), now);
      return json({ total, certificates: rows.map(presentCertificate) });
    },
    ShowCertificate: ({ params, now }) =>
      json(presentCertificate(certificateOr404(params.certificate_id, now))),
    ExportCertificate: ({ params, body, now }) => {
      const cert = certificateOr404(params.certificate_id, now);
      if (cert.effective_status !== "ISSUED") throw new CcmError("CERTIFICATE_NOT_EXPORTABLE");
      const chain = issuersOf(db, cert, now).flatMap((p) =>
        p.certificate_pem === null ? [] : [p.certificate_pem],
      );
      const certificate = toWirePem(cert.certificate_pem);
      const certificateChain = joinWirePem(chain);
      if (body.is_compressed === "true") {
        return zipReply(body.type, cert.common_name ?? cert.certificate_id, certificate, certificateChain);
      }
      // A CSR-issued certificate's key is on the requester's side: certificate and chain only.
      return json({ certificate, certificate_chain: certificateChain });
    },
  };
}
