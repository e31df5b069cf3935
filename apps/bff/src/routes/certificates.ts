import { CertificateDetailResponseSchema, CertificateListApiResponseSchema } from "@pca/contracts";
import { type Response, Router } from "express";
import type { AppDeps } from "../core/deps";
import { contractFor, inputOf, mountRoute } from "../http/mount";
import { requireAccess } from "../http/require-access";
import { sendJson } from "../http/respond";
import { pkiReaders } from "../issuance/pki-readers";
import type { PkiReaders } from "../issuance/readers";
import { fileStem } from "../resources/attachment";
import { listCertificates } from "../resources/certificate-list";
import { CertificatePemCache, loadPems } from "../resources/certificate-pems";
import { issueHandlers } from "../resources/issue-handler";
import { presentCertificate } from "../resources/present";
import { recordDownload } from "../resources/record-download";
import { actorOf, sendPemFile, sendResourceFailure } from "../resources/respond";

const issue = contractFor("POST", "/api/certificates");
const list = contractFor("GET", "/api/certificates");
const detail = contractFor("GET", "/api/certificates/:id");
const pem = contractFor("GET", "/api/certificates/:id/pem");
const chainPem = contractFor("GET", "/api/certificates/:id/chain.pem");

export interface CertificatesRouteOptions {
  readonly readers?: PkiReaders;
  /** Issuances per user per minute (default: ISSUE_RATE_LIMIT_PER_MINUTE from the config). */
  readonly issuesPerMinute?: number;
}

/**
 * The certificate routes: issue from a CSR (issuance/issue-certificate.ts behind the rate limit and
 * the Idempotency-Key), the list (CCM's paging and `name` search, SANs read from each certificate),
 * the detail decoded by pki, and the `/pem` and `/chain.pem` downloads (audited as
 * `certificate.download`).
 */
export function certificatesRoutes(deps: AppDeps, options: CertificatesRouteOptions = {}): Router {
  const readers = options.readers ?? pkiReaders;
  const cache = new CertificatePemCache();
  const pems = () => ({ ccm: deps.upstream.ccm, readCertificate: readers.readCertificate, cache });
  const router = Router();

  // Not mountRoute: the body is validated inside the use case so that refusals are audited too.
  router.post(
    issue.path,
    requireAccess(issue.access),
    ...issueHandlers(
      deps,
      readers,
      options.issuesPerMinute === undefined ? {} : { perMinute: options.issuesPerMinute },
    ),
  );

  mountRoute(router, list, async (_req, res) => {
    const { query } = inputOf(res.locals, list);
    const listed = await listCertificates(pems(), query);
    if (!listed.ok) return sendResourceFailure(res, listed.error);
    sendJson(res, CertificateListApiResponseSchema, listed.value);
  });

  /** Reads the record and the files; answers the failure itself and returns undefined on one. */
  async function load(res: Response, id: string) {
    const reading = pems();
    const shown = await reading.ccm.showCertificate(id);
    if (!shown.ok) return sendResourceFailure(res, shown.error);
    const loaded = await loadPems(reading, shown.value);
    if (!loaded.ok) return sendResourceFailure(res, loaded.error);
    return { certificate: shown.value, ...loaded.value };
  }

  mountRoute(router, detail, async (_req, res) => {
    const loaded = await load(res, inputOf(res.locals, detail).params.id);
    if (!loaded) return;
    sendJson(res, CertificateDetailResponseSchema, {
      certificate: presentCertificate(loaded.certificate),
      pem: { certificate: loaded.pems.certificate, certificate_chain: loaded.pems.certificate_chain },
      preview: loaded.preview,
    });
  });

  async function download(res: Response, id: string, file: "pem" | "chain") {
    const loaded = await load(res, id);
    if (!loaded) return;
    const stem = fileStem(loaded.certificate.distinguished_name?.common_name, id);
    const fileName = file === "pem" ? `${stem}.pem` : `${stem}.chain.pem`;
    const refused = await recordDownload(deps.audit, {
      actor: actorOf(res),
      requestId: res.locals.requestId,
      action: "certificate.download",
      target: id,
      details: { file, fileName },
    });
    if (refused) return sendResourceFailure(res, refused);
    const body =
      file === "pem" ? loaded.pems.certificate : loaded.pems.certificate + loaded.pems.certificate_chain;
    sendPemFile(res, body, fileName, pem.response.mediaType);
  }

  mountRoute(router, pem, (_req, res) => download(res, inputOf(res.locals, pem).params.id, "pem"));
  mountRoute(router, chainPem, (_req, res) =>
    download(res, inputOf(res.locals, chainPem).params.id, "chain"),
  );

  return router;
}
