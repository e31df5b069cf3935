import { z } from "zod";
import { CCM_ID_PATTERN, CCM_LIMITS } from "../limits";

/** A CCM resource id (ca_id, certificate_id, issuer_id): 36-character lowercase UUID. */
export const CcmIdSchema = z
  .string()
  .length(CCM_LIMITS.idLength, {
    error: `An id is exactly ${CCM_LIMITS.idLength} characters (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`,
  })
  .regex(CCM_ID_PATTERN, {
    error: "An id is a lowercase hexadecimal UUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
  });
export type CcmId = z.infer<typeof CcmIdSchema>;

/** Milliseconds since the epoch, as CCM puts every time on the wire. */
export const EpochMsSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const CA_TYPES = ["ROOT", "SUBORDINATE"] as const;
export const CaTypeSchema = z.enum(CA_TYPES);
export type CaType = z.infer<typeof CaTypeSchema>;

/** CA status; note CCM's own spelling `ACTIVED`. */
export const CA_STATUSES = ["PENDING", "ACTIVED", "DISABLED", "DELETED", "EXPIRED"] as const;
export const CaStatusSchema = z.enum(CA_STATUSES);
export type CaStatus = z.infer<typeof CaStatusSchema>;

export const CERTIFICATE_STATUSES = ["ISSUED", "REVOKED", "EXPIRED"] as const;
export const CertificateStatusSchema = z.enum(CERTIFICATE_STATUSES);
export type CertificateStatus = z.infer<typeof CertificateStatusSchema>;

export const GEN_MODES = ["GENERATE", "IMPORT", "CSR"] as const;
export const GenModeSchema = z.enum(GEN_MODES);

export const SORT_DIRECTIONS = ["DESC", "ASC"] as const;
export const SortDirSchema = z.enum(SORT_DIRECTIONS);

/** The subject as CCM reports it. Responses may leave any field out (a CSR need not carry it). */
export const CcmDistinguishedNameSchema = z.object({
  common_name: z.string().max(CCM_LIMITS.commonNameMaxLength).nullish(),
  country: z.string().nullish(),
  state: z.string().nullish(),
  locality: z.string().nullish(),
  organization: z.string().nullish(),
  organizational_unit: z.string().nullish(),
});
export type CcmDistinguishedName = z.infer<typeof CcmDistinguishedNameSchema>;

/** Every CCM error response body: `{"error_code": "PCA.XXXXXXXX", "error_msg": "…"}`. */
export const CcmErrorBodySchema = z.object({
  error_code: z.string().min(CCM_LIMITS.errorCodeMinLength).max(CCM_LIMITS.errorCodeMaxLength),
  error_msg: z.string().max(CCM_LIMITS.errorMsgMaxLength),
});
export type CcmErrorBody = z.infer<typeof CcmErrorBodySchema>;

/** Paging shared by CCM's list operations (limit 0-1000, default 10; offset ≥ 0). */
export const ListLimitSchema = z.coerce
  .number()
  .int()
  .min(CCM_LIMITS.listLimitMin)
  .max(CCM_LIMITS.listLimitMax, { error: `limit is at most ${CCM_LIMITS.listLimitMax}.` });
export const ListOffsetSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const ListNameSchema = z.string().min(1).max(CCM_LIMITS.listNameMaxLength);

/**
 * The fields CCM reports alike for a CA (§3.1) and a private certificate (§3.4): who issued it,
 * how, and when. Only identity fields are required elsewhere; the live service leaves these out
 * or null (a root has no issuer).
 */
export const issuedRecordFields = {
  issuer_id: CcmIdSchema.nullish(),
  issuer_name: z.string().max(CCM_LIMITS.issuerNameMaxLength).nullish(),
  key_algorithm: z.string().nullish(),
  signature_algorithm: z.string().nullish(),
  freeze_flag: z.number().int().nullish(),
  gen_mode: GenModeSchema.nullish(),
  serial_number: z.string().max(CCM_LIMITS.serialNumberMaxLength).nullish(),
  create_time: EpochMsSchema.nullish(),
  delete_time: EpochMsSchema.nullish(),
  not_before: EpochMsSchema.nullish(),
  not_after: EpochMsSchema.nullish(),
  distinguished_name: CcmDistinguishedNameSchema.nullish(),
  enterprise_project_id: z.string().nullish(),
};
