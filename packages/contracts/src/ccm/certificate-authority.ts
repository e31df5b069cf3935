import { z } from "zod";
import { CCM_LIMITS } from "../limits";
import {
  CaStatusSchema,
  CaTypeSchema,
  CcmIdSchema,
  issuedRecordFields,
  ListLimitSchema,
  ListNameSchema,
  ListOffsetSchema,
  SortDirSchema,
} from "./common";

/** ListCrlConfiguration as ShowCertificateAuthority returns it. */
export const CrlConfigurationSchema = z.object({
  enabled: z.boolean(),
  crl_name: z.string().nullish(),
  obs_bucket_name: z.string().nullish(),
  valid_days: z.number().int().nullish(),
  crl_dis_point: z.string().nullish(),
});

/**
 * ShowCertificateAuthority's body, also each element of the CA list (reference §3.1). Only the
 * identity fields are required: the live service leaves others out or null (a root has no issuer).
 */
export const CertificateAuthoritySchema = z.object({
  ca_id: CcmIdSchema,
  type: CaTypeSchema,
  status: CaStatusSchema,
  path_length: z.number().int().min(0).max(CCM_LIMITS.rootPathLength).nullish(),
  ...issuedRecordFields,
  crl_configuration: CrlConfigurationSchema.nullish(),
  free_quota: z.number().int().nullish(),
  charging_mode: z.number().int().nullish(),
  cluster_id: z.string().nullish(),
  domain_id: z.string().nullish(),
});
export type CertificateAuthority = z.infer<typeof CertificateAuthoritySchema>;

export const CA_SORT_KEYS = ["create_time", "common_name", "type", "not_after"] as const;

/** ListCertificateAuthority query (reference §3.2). */
export const CaListQuerySchema = z.strictObject({
  limit: ListLimitSchema.optional(),
  offset: ListOffsetSchema.optional(),
  name: ListNameSchema.optional(),
  status: CaStatusSchema.optional(),
  type: CaTypeSchema.optional(),
  sort_key: z.enum(CA_SORT_KEYS).optional(),
  sort_dir: SortDirSchema.optional(),
});
export type CaListQuery = z.infer<typeof CaListQuerySchema>;

/** ListCertificateAuthority response. */
export const CaListResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  certificate_authorities: z.array(CertificateAuthoritySchema),
});
export type CaListResponse = z.infer<typeof CaListResponseSchema>;

/** ExportCertificateAuthorityCsr response: a PEM CSR with `\r\n` newlines, 1-4096 characters. */
export const ExportCaCsrResponseSchema = z.object({
  csr: z.string().min(CCM_LIMITS.exportedCsrMinLength).max(CCM_LIMITS.exportedCsrMaxLength),
});
export type ExportCaCsrResponse = z.infer<typeof ExportCaCsrResponseSchema>;

/** ExportCertificateAuthorityCertificate response: certificate and chain (intermediate … root). */
export const ExportCaCertificateResponseSchema = z.object({
  certificate: z.string().min(1),
  certificate_chain: z.string(),
});
export type ExportCaCertificateResponse = z.infer<typeof ExportCaCertificateResponseSchema>;
