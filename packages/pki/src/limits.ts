/**
 * Largest input accepted in any form, checked before any parsing. The biggest honest CSR we know
 * (180 SANs) is under 8 KiB of PEM; 64 KiB leaves room and bounds all later work. CCM's own limits
 * are `CCM_LIMITS` of @pca/contracts.
 */
export const MAX_INPUT_BYTES = 64 * 1024;
