import { CCM_LIMITS } from "@pca/contracts";

/**
 * Largest input accepted in any form, checked before any parsing. The biggest honest CSR we know
 * (180 SANs) is under 8 KiB of PEM; 64 KiB leaves room and bounds all later work.
 */
export const MAX_INPUT_BYTES = 64 * 1024;

/** CCM's limit on the `csr` string of CreateCertificateByCsr, in characters. */
export const CCM_WIRE_LIMIT: number = CCM_LIMITS.csrMaxLength;

/** CCM's limit on subject alternative names per certificate. */
export const CCM_MAX_SANS: number = CCM_LIMITS.sanMaxItems;
