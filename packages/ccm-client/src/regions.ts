/**
 * CCM's PCA endpoints by region (reference §5). CCM is a global service: the region only picks
 * the site's host. `eu-west-101` follows the EU doc's `.eu` host rather than the SDK's `.com`
 * [unverified: the reference lists both]; `sa-brazil-1` has no region label, as in the SDK map.
 */
export const CCM_REGION_ENDPOINTS = {
  "cn-north-4": "https://ccm.cn-north-4.myhuaweicloud.com",
  "ap-southeast-3": "https://ccm.ap-southeast-3.myhuaweicloud.com",
  "sa-brazil-1": "https://ccm.myhuaweicloud.com",
  "eu-west-101": "https://ccm.eu-west-101.myhuaweicloud.eu",
  "ru-moscow-1": "https://ccm.ru-moscow-1.myhuaweicloud.com",
  "my-kualalumpur-1": "https://ccm.my-kualalumpur-1.myhuaweicloud.com",
  "ae-ad-1": "https://ccm.ae-ad-1.myhuaweicloud.com",
} as const;
export type CcmRegionId = keyof typeof CCM_REGION_ENDPOINTS;

/** The global IAM endpoint; a domain-scoped token from it is valid for the global CCM service. */
export const IAM_GLOBAL_ENDPOINT = "https://iam.myhuaweicloud.com";

const REGION_ID = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const isKnownRegion = (region: string): region is CcmRegionId => Object.hasOwn(CCM_REGION_ENDPOINTS, region);

/**
 * The PCA endpoint of a region: the reference's map first, otherwise the documented host pattern
 * `https://ccm.<region>.myhuaweicloud.com` for a well-formed region id; undefined for anything else.
 */
export function ccmEndpointForRegion(region: string): string | undefined {
  if (isKnownRegion(region)) return CCM_REGION_ENDPOINTS[region];
  return REGION_ID.test(region) ? `https://ccm.${region}.myhuaweicloud.com` : undefined;
}

/** Where a client sends its requests: a region id, or an explicit base URL (emulator, proxy). */
export type CcmEndpoint = { readonly region: string } | { readonly url: string | URL };

/**
 * Resolves an endpoint to a base URL (http or https, no query or fragment); undefined when the
 * region is unknown and malformed or the URL is unusable. A path in the URL is kept as a prefix.
 */
export function resolveCcmEndpoint(endpoint: CcmEndpoint): URL | undefined {
  const text = "region" in endpoint ? ccmEndpointForRegion(endpoint.region) : String(endpoint.url);
  if (text === undefined || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) return undefined;
  if (url.username || url.password) return undefined;
  return url;
}
