import { z } from "zod";
import { CertificateSchema } from "../ccm/certificate";
import { CcmIdSchema, EpochMsSchema } from "../ccm/common";
import { IssuedCertificateTypeSchema } from "../ccm/create-certificate-by-csr";
import { CertificatePreviewSchema } from "../csr-preview";

export const CertificateIdParamsSchema = z.strictObject({ id: CcmIdSchema });

/**
 * `POST /api/certificates` answers with CCM's `certificate_id` and what the console computed on the
 * way: the validity window and the upstream request id. For `type: INTERMEDIATE_CA` CCM's
 * `certificate_id` is the new subordinate CA's `ca_id`: read it with `GET /api/cas/:caId`
 * (`/api/certificates/:id` does not list CAs, exactly as CCM's certificate list does not).
 */
export const IssueCertificateResponseSchema = z.object({
  certificate_id: CcmIdSchema,
  issuer_id: CcmIdSchema,
  type: IssuedCertificateTypeSchema,
  not_before: EpochMsSchema,
  not_after: EpochMsSchema,
  upstream_request_id: z.string().nullable(),
});
export type IssueCertificateResponse = z.infer<typeof IssueCertificateResponseSchema>;

/** The `Idempotency-Key` header: an opaque client-chosen string (IETF draft), 8-128 characters. */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, {
  error: "Idempotency-Key is 8-128 letters, digits, '_', '.', ':' or '-'.",
});
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** A row of `GET /api/certificates`: CCM's fields plus the SANs read from the certificate itself. */
export const CertificateListItemSchema = CertificateSchema.extend({
  subject_alternative_names: z.array(z.object({ type: z.string(), value: z.string() })).nullable(),
});
export type CertificateListItem = z.infer<typeof CertificateListItemSchema>;

export const CertificateListApiResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  certificates: z.array(CertificateListItemSchema),
});
export type CertificateListApiResponse = z.infer<typeof CertificateListApiResponseSchema>;

/** `GET /api/certificates/:id`: CCM's record, the PEMs and the decoded certificate. */
export const CertificateDetailResponseSchema = z.object({
  certificate: CertificateSchema,
  pem: z.object({ certificate: z.string(), certificate_chain: z.string() }),
  preview: CertificatePreviewSchema,
});
export type CertificateDetailResponse = z.infer<typeof CertificateDetailResponseSchema>;
