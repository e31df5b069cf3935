import type { IssuedCertificateType } from "@pca/contracts";

/**
 * Every route string and link builder of the SPA, in one place, so features link to each other
 * without importing each other ("Sign with another CA" is a link to the issue form, not a call).
 */
export const paths = {
  login: {
    path: "/login",
    getHref: (next?: string) => (next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login"),
  },
  home: { path: "/", getHref: () => "/" },
  issue: {
    path: "/issue",
    /** `fromCa` prefills the CSR with that PENDING CA's exported CSR. */
    getHref: (prefill: { fromCa?: string; type?: IssuedCertificateType } = {}) => {
      const query = new URLSearchParams();
      if (prefill.fromCa) query.set("fromCa", prefill.fromCa);
      if (prefill.type) query.set("type", prefill.type);
      const text = query.toString();
      return text ? `/issue?${text}` : "/issue";
    },
  },
  cas: { path: "/cas", getHref: () => "/cas" },
  ca: {
    path: "/cas/:caId",
    getHref: (caId: string, options: { issued?: boolean } = {}) =>
      `/cas/${encodeURIComponent(caId)}${options.issued ? "?issued=1" : ""}`,
  },
  certificates: { path: "/certificates", getHref: () => "/certificates" },
  certificate: {
    path: "/certificates/:id",
    getHref: (id: string, options: { issued?: boolean } = {}) =>
      `/certificates/${encodeURIComponent(id)}${options.issued ? "?issued=1" : ""}`,
  },
  audit: { path: "/audit", getHref: () => "/audit" },
  users: { path: "/users", getHref: () => "/users" },
  tokens: { path: "/tokens", getHref: () => "/tokens" },
} as const;

/** The BFF's download routes: plain links, so the browser's own download and the cookie do the work. */
export const downloads = {
  caCsr: (caId: string) => `/api/cas/${encodeURIComponent(caId)}/csr.pem`,
  caCertificate: (caId: string) => `/api/cas/${encodeURIComponent(caId)}/certificate.pem`,
  certificate: (id: string) => `/api/certificates/${encodeURIComponent(id)}/pem`,
  certificateChain: (id: string) => `/api/certificates/${encodeURIComponent(id)}/chain.pem`,
  auditCsv: (query: string) => `/api/audit.csv${query ? `?${query}` : ""}`,
  auditJson: (query: string) => `/api/audit.json${query ? `?${query}` : ""}`,
} as const;
