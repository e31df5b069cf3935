import { z } from "zod";
import { CCM_LIMITS, ENTERPRISE_PROJECT_ID_PATTERN } from "../limits";
import type { FieldCodes } from "../validation";
import { maxValidityValue, ValiditySchema } from "../validity";
import { CcmIdSchema } from "./common";

export const CCM_SAN_TYPES = ["DNS", "IP", "EMAIL", "URI", "UPN"] as const;
export type CcmSanType = (typeof CCM_SAN_TYPES)[number];

/**
 * A requested subject alternative name. CCM documents the field as reserved and ignored by the
 * backend, but still bounds it: 0-20 items, DNS ≤ 253, IP ≤ 39, EMAIL ≤ 256, URI ≤ 253, UPN ≤ 256.
 */
export const SubjectAlternativeNameSchema = z
  .strictObject({
    type: z.enum(CCM_SAN_TYPES, { error: "A subject alternative name type is DNS, IP, EMAIL, URI or UPN." }),
    value: z.string().min(1, { error: "A subject alternative name value cannot be empty." }),
  })
  .superRefine((san, ctx) => {
    const max = CCM_LIMITS.sanMaxLength[san.type];
    if (san.value.length > max) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `A ${san.type} subject alternative name is at most ${max} characters.`,
        params: { code: "SAN_INVALID" },
      });
    }
  });
export type SubjectAlternativeName = z.infer<typeof SubjectAlternativeNameSchema>;

export const CERTIFICATE_TYPES = ["ENTITY_CERT", "INTERMEDIATE_CA"] as const;
export const IssuedCertificateTypeSchema = z.enum(CERTIFICATE_TYPES, {
  error: "type is ENTITY_CERT or INTERMEDIATE_CA.",
});
export type IssuedCertificateType = z.infer<typeof IssuedCertificateTypeSchema>;

export const EnterpriseProjectIdSchema = z.union(
  [z.literal("all"), z.literal("0"), z.string().regex(ENTERPRISE_PROJECT_ID_PATTERN)],
  {
    error:
      'enterprise_project_id is "all", "0" or an enterprise project id (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).',
  },
);

/**
 * CreateCertificateByCsr's request body, exactly as CCM takes it. The checks that need no clock are
 * here (lengths, ranges, the validity cap for the type, path_length only with INTERMEDIATE_CA);
 * `start_from > now − 5 min` needs the clock and lives in computeValidity.
 */
export const CreateCertificateByCsrRequestSchema = z
  .strictObject({
    issuer_id: CcmIdSchema,
    csr: z
      .string({ error: "csr is a PEM certificate signing request." })
      .min(1, { error: "csr cannot be empty." })
      .max(CCM_LIMITS.csrMaxLength, {
        error: `csr is at most ${CCM_LIMITS.csrMaxLength} characters as CCM receives it (PEM with \\r\\n newlines).`,
      }),
    validity: ValiditySchema,
    type: IssuedCertificateTypeSchema.optional(),
    path_length: z
      .number({ error: "path_length is a whole number from 0 to 6." })
      .int({ error: "path_length is a whole number from 0 to 6." })
      .min(CCM_LIMITS.pathLengthMin, { error: "path_length is a whole number from 0 to 6." })
      .max(CCM_LIMITS.pathLengthMax, { error: "path_length is a whole number from 0 to 6." })
      .optional(),
    subject_alternative_names: z
      .array(SubjectAlternativeNameSchema)
      .max(CCM_LIMITS.sanMaxItems, {
        error: `At most ${CCM_LIMITS.sanMaxItems} subject alternative names.`,
      })
      .optional(),
    enterprise_project_id: EnterpriseProjectIdSchema.optional(),
  })
  .superRefine((body, ctx) => {
    const kind = body.type ?? "ENTITY_CERT";
    if (body.path_length !== undefined && kind !== "INTERMEDIATE_CA") {
      ctx.addIssue({
        code: "custom",
        path: ["path_length"],
        message: "path_length applies only when type is INTERMEDIATE_CA.",
        params: { code: "PATH_LENGTH_NOT_ALLOWED" },
      });
    }
    const max = maxValidityValue(body.validity.type, kind);
    if (body.validity.value > max) {
      ctx.addIssue({
        code: "custom",
        path: ["validity", "value"],
        message: `Validity is at most ${max} ${body.validity.type} (20 years) for ${kind}.`,
        params: { code: "VALIDITY_OUT_OF_RANGE" },
      });
    }
  });
export type CreateCertificateByCsrRequest = z.infer<typeof CreateCertificateByCsrRequestSchema>;

/** The stable code a user sees for a failure at each field of the request body. */
export const CREATE_CERTIFICATE_BY_CSR_CODES: FieldCodes = {
  issuer_id: "INVALID_ID",
  csr: "CSR_TOO_LONG",
  "csr:too_small": "CSR_EMPTY",
  "csr:invalid_type": "VALIDATION_FAILED",
  validity: "VALIDITY_OUT_OF_RANGE",
  path_length: "PATH_LENGTH_INVALID",
  subject_alternative_names: "SAN_TOO_MANY",
  "subject_alternative_names.*": "SAN_INVALID",
  enterprise_project_id: "ENTERPRISE_PROJECT_ID_INVALID",
};

/** CreateCertificateByCsr's 200 body. */
export const CreateCertificateByCsrResponseSchema = z.object({ certificate_id: CcmIdSchema });
export type CreateCertificateByCsrResponse = z.infer<typeof CreateCertificateByCsrResponseSchema>;
