import { CsrPreviewResponseSchema } from "@pca/contracts";
import { Router } from "express";
import type { AppDeps } from "../core/deps";
import { contractFor, inputOf, mountRoute } from "../http/mount";
import { sendJson } from "../http/respond";
import { pkiReaders } from "../issuance/pki-readers";
import type { PkiReaders } from "../issuance/readers";
import { sendResourceFailure } from "../resources/respond";

const preview = contractFor("POST", "/api/csr/preview");

/**
 * `POST /api/csr/preview`: a CSR in any input form → pki's preview, lint and the exact wire string. A
 * refused input gets pki's code (400; never echoed); a CSR whose signature fails still previews,
 * with `signatureValid: false` and a lint error. Nothing reaches CCM.
 */
export function csrRoutes(_deps: AppDeps, readers: PkiReaders = pkiReaders): Router {
  const router = Router();
  mountRoute(router, preview, async (_req, res) => {
    const { body } = inputOf(res.locals, preview);
    const read = await readers.readCsr(body.csr);
    if (!read.ok) return sendResourceFailure(res, read.error);
    const { wire } = read.value;
    sendJson(res, CsrPreviewResponseSchema, {
      preview: read.value.preview,
      lint: read.value.lint,
      wire: { csr: wire.csr, length: wire.length, withinLimit: wire.withinLimit },
    });
  });
  return router;
}
