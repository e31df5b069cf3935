import type { Role } from "./accounts";

/** One page of the console as the axe and screenshot tour visits it. */
export interface TourStop {
  readonly name: string;
  readonly role: Role | "anonymous";
  /** A path, or a function that finds one through the API (ids are new each run). */
  readonly path: string;
  /** Text that shows the page has finished loading. */
  readonly ready: string | RegExp;
  /** A CSR to paste on /issue, so the preview and its checks are in the picture. */
  readonly paste?: string;
}

/** Every page, signed in with the role that sees the most of it; ids are filled in at run time. */
export function tour(ids: { pendingCa: string; activeCa: string; certificate: string }): readonly TourStop[] {
  return [
    { name: "login", role: "anonymous", path: "/login", ready: /Server ready/ },
    { name: "issue-empty", role: "issuer", path: "/issue", ready: "Nothing to preview yet" },
    {
      name: "issue-preview",
      role: "issuer",
      path: "/issue",
      ready: "Proof of possession",
      paste: "csr/rsa1024-weak.pem",
    },
    {
      name: "issue-refused",
      role: "issuer",
      path: "/issue",
      ready: "Proof of possession",
      paste: "bad/altered-subject.pem",
    },
    {
      name: "issue-viewer",
      role: "viewer",
      path: "/issue",
      ready: "Your role can read but not issue certificates.",
    },
    { name: "cas-list", role: "admin", path: "/cas", ready: "Example Corp Root CA G1" },
    { name: "ca-pending", role: "admin", path: `/cas/${ids.pendingCa}`, ready: "✓ Signature valid" },
    {
      name: "ca-active",
      role: "admin",
      path: `/cas/${ids.activeCa}`,
      ready: "Download certificate and chain",
    },
    { name: "certificates-list", role: "admin", path: "/certificates", ready: "Example Corp Issuing CA G1" },
    {
      name: "certificate-detail",
      role: "admin",
      path: `/certificates/${ids.certificate}`,
      ready: "Decoded certificate",
    },
    { name: "audit", role: "admin", path: "/audit", ready: /Hash chain intact/ },
    { name: "not-found", role: "admin", path: "/no-such-page", ready: "Not found" },
  ];
}
