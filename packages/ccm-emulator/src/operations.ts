/** The CCM operations the emulator serves, by their SDK names, and its IAM login. */
export const OPERATIONS = [
  "ListCertificateAuthority",
  "ShowCertificateAuthority",
  "ShowCertificateAuthorityQuota",
  "ExportCertificateAuthorityCsr",
  "ExportCertificateAuthorityCertificate",
  "CreateCertificateByCsr",
  "ListCertificate",
  "ShowCertificate",
  "ShowCertificateQuota",
  "ExportCertificate",
  "KeystoneCreateUserTokenByPassword",
] as const;

export type OperationName = (typeof OPERATIONS)[number];
