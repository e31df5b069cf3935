import { z } from "zod";
import {
  CcmIdSchema,
  CertificateStatusSchema,
  issuedRecordFields,
  ListLimitSchema,
  ListNameSchema,
  ListOffsetSchema,
  SortDirSchema,
} from "./common";

/** ShowCertificate's body, also each element of the certificate list (reference §3.4). */
export const CertificateSchema = z.object({
  certificate_id: CcmIdSchema,
  status: CertificateStatusSchema,
  ...issuedRecordFields,
  enc_cert_info: z.object({ enc_serial_number: z.string().nullish() }).nullish(),
});
export type Certificate = z.infer<typeof CertificateSchema>;

export const CERTIFICATE_SORT_KEYS = ["create_time", "common_name", "issuer_name", "not_after"] as const;

/**
 * ListCertificate query (reference §3.5). The bounds of limit and name are not documented for
 * this operation; the CA list's (0-1000, 1-64) are assumed [unverified].
 */
export const CertificateListQuerySchema = z.strictObject({
  limit: ListLimitSchema.optional(),
  offset: ListOffsetSchema.optional(),
  name: ListNameSchema.optional(),
  status: CertificateStatusSchema.optional(),
  sort_key: z.enum(CERTIFICATE_SORT_KEYS).optional(),
  sort_dir: SortDirSchema.optional(),
});
export type CertificateListQuery = z.infer<typeof CertificateListQuerySchema>;

export const CertificateListResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  certificates: z.array(CertificateSchema),
});
export type CertificateListResponse = z.infer<typeof CertificateListResponseSchema>;

export const EXPORT_TYPES = ["APACHE", "NGINX", "IIS", "TOMCAT", "OTHER"] as const;

/**
 * ExportCertificate request (reference §3.6). `is_compressed` is a string in the schema but the
 * doc example sends a boolean, so both are accepted and the parsed value is the string CCM's model
 * has; `type` is case-insensitive for the same reason.
 */
export const ExportCertificateRequestSchema = z.strictObject({
  is_compressed: z.union([
    z.enum(["true", "false"]),
    z.boolean().transform((compressed): "true" | "false" => (compressed ? "true" : "false")),
  ]),
  type: z
    .string()
    .transform((t) => t.toUpperCase())
    .pipe(z.enum(EXPORT_TYPES)),
  is_sm_standard: z.enum(["true", "false"]).optional(),
  password: z.string().max(32).optional(),
});
export type ExportCertificateRequest = z.input<typeof ExportCertificateRequestSchema>;

/** ExportCertificate JSON response; a CSR-issued certificate has no private key. */
export const ExportCertificateResponseSchema = z.object({
  certificate: z.string().min(1),
  certificate_chain: z.string(),
  private_key: z.string().nullish(),
  enc_certificate: z.string().nullish(),
  enc_private_key: z.string().nullish(),
});
export type ExportCertificateResponse = z.infer<typeof ExportCertificateResponseSchema>;
