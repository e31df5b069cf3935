import {
  CaCertificateResponseSchema,
  CaCsrResponseSchema,
  CaListResponseSchema,
  CertificateAuthoritySchema,
} from "@pca/contracts";
import { type Response, Router } from "express";
import type { AppDeps } from "../core/deps";
import { contractFor, inputOf, mountRoute } from "../http/mount";
import { sendJson } from "../http/respond";
import { pkiReaders } from "../issuance/pki-readers";
import type { PkiReaders } from "../issuance/readers";
import { exportCaCertificate } from "../resources/ca-certificate";
import { exportCaCsr } from "../resources/ca-csr";
import { presentCa } from "../resources/present";
import { recordDownload } from "../resources/record-download";
import { actorOf, sendPemFile, sendResourceFailure } from "../resources/respond";

const list = contractFor("GET", "/api/cas");
const detail = contractFor("GET", "/api/cas/:caId");
const csr = contractFor("GET", "/api/cas/:caId/csr");
const csrPem = contractFor("GET", "/api/cas/:caId/csr.pem");
const certificate = contractFor("GET", "/api/cas/:caId/certificate");
const certificatePem = contractFor("GET", "/api/cas/:caId/certificate.pem");

/**
 * The CA routes: list (CCM's filters, sort and paging, answered in CCM's field names), detail, a
 * PENDING CA's CSR (JSON with preview, or the `.csr.pem` file; both audited as `ca.csr.export`)
 * and an ACTIVED/EXPIRED CA's certificate + chain (JSON, or the `.pem` file, audited as
 * `ca.certificate.download`).
 */
export function casRoutes(deps: AppDeps, readers: PkiReaders = pkiReaders): Router {
  const ccm = () => deps.upstream.ccm;
  const router = Router();

  mountRoute(router, list, async (_req, res) => {
    const { query } = inputOf(res.locals, list);
    const listed = await ccm().listCertificateAuthorities(query);
    if (!listed.ok) return sendResourceFailure(res, listed.error);
    sendJson(res, CaListResponseSchema, {
      total: listed.value.total,
      certificate_authorities: listed.value.certificate_authorities.map(presentCa),
    });
  });

  mountRoute(router, detail, async (_req, res) => {
    const { params } = inputOf(res.locals, detail);
    const shown = await ccm().showCertificateAuthority(params.caId);
    if (!shown.ok) return sendResourceFailure(res, shown.error);
    sendJson(res, CertificateAuthoritySchema, presentCa(shown.value));
  });

  /** Exports and audits the CSR; answers the failure itself and returns undefined on one. */
  async function exportAudited(res: Response, caId: string, file: "json" | "pem") {
    const exported = await exportCaCsr(ccm(), readers.readCsr, caId);
    if (!exported.ok) return sendResourceFailure(res, exported.error);
    const refused = await recordDownload(deps.audit, {
      actor: actorOf(res),
      requestId: res.locals.requestId,
      action: "ca.csr.export",
      target: caId,
      details: {
        file,
        fileName: exported.value.body.fileName,
        spki_sha256: exported.value.body.preview.fingerprints.spkiSha256,
      },
    });
    if (refused) return sendResourceFailure(res, refused);
    return exported.value.body;
  }

  mountRoute(router, csr, async (_req, res) => {
    const body = await exportAudited(res, inputOf(res.locals, csr).params.caId, "json");
    if (body) sendJson(res, CaCsrResponseSchema, body);
  });

  mountRoute(router, csrPem, async (_req, res) => {
    const body = await exportAudited(res, inputOf(res.locals, csrPem).params.caId, "pem");
    if (body) sendPemFile(res, body.pem, body.fileName, csrPem.response.mediaType);
  });

  mountRoute(router, certificate, async (_req, res) => {
    const { params } = inputOf(res.locals, certificate);
    const exported = await exportCaCertificate(ccm(), readers.readCertificate, params.caId);
    if (!exported.ok) return sendResourceFailure(res, exported.error);
    sendJson(res, CaCertificateResponseSchema, exported.value.body);
  });

  mountRoute(router, certificatePem, async (_req, res) => {
    const { params } = inputOf(res.locals, certificatePem);
    const exported = await exportCaCertificate(ccm(), readers.readCertificate, params.caId);
    if (!exported.ok) return sendResourceFailure(res, exported.error);
    const refused = await recordDownload(deps.audit, {
      actor: actorOf(res),
      requestId: res.locals.requestId,
      action: "ca.certificate.download",
      target: params.caId,
      details: { fileName: exported.value.fileName },
    });
    if (refused) return sendResourceFailure(res, refused);
    const { body } = exported.value;
    sendPemFile(
      res,
      body.certificate + body.certificate_chain,
      exported.value.fileName,
      certificatePem.response.mediaType,
    );
  });

  return router;
}
