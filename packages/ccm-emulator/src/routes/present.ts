import type { Certificate, CertificateAuthority } from "@pca/contracts";
import type { CaView } from "../state/cas";
import type { CertificateView } from "../state/certificates";
import type { DnFields } from "../state/names";

/** Every field listed by name, as outline's presenters do: a row is never sent whole. */
const presentDn = (row: DnFields): NonNullable<CertificateAuthority["distinguished_name"]> => ({
  common_name: row.common_name,
  country: row.country,
  state: row.state,
  locality: row.locality,
  organization: row.organization,
  organizational_unit: row.organizational_unit,
});

/** ShowCertificateAuthority's body and a CA list element (reference §3.1). */
export function presentCa(ca: CaView, domainId: string): CertificateAuthority {
  return {
    ca_id: ca.ca_id,
    type: ca.type,
    status: ca.effective_status,
    path_length: ca.path_length,
    issuer_id: ca.issuer_id,
    issuer_name: ca.issuer_name,
    key_algorithm: ca.key_algorithm,
    signature_algorithm: ca.signature_algorithm,
    freeze_flag: 0,
    gen_mode: ca.gen_mode,
    serial_number: ca.serial_number,
    create_time: ca.create_time,
    delete_time: ca.delete_time,
    not_before: ca.not_before,
    not_after: ca.not_after,
    distinguished_name: presentDn(ca),
    // CRLs are not emulated; CCM's default is disabled, named after the parent CA id.
    crl_configuration: {
      enabled: false,
      crl_name: ca.issuer_id,
      obs_bucket_name: null,
      valid_days: null,
      crl_dis_point: null,
    },
    enterprise_project_id: ca.enterprise_project_id,
    free_quota: ca.free_quota,
    charging_mode: ca.charging_mode,
    domain_id: domainId,
  };
}

/** ShowCertificate's body and a certificate list element (reference §3.4). */
export function presentCertificate(cert: CertificateView): Certificate {
  return {
    certificate_id: cert.certificate_id,
    status: cert.effective_status,
    issuer_id: cert.issuer_id,
    issuer_name: cert.issuer_name,
    key_algorithm: cert.key_algorithm,
    signature_algorithm: cert.signature_algorithm,
    freeze_flag: 0,
    gen_mode: cert.gen_mode,
    serial_number: cert.serial_number,
    create_time: cert.create_time,
    delete_time: cert.delete_time,
    not_before: cert.not_before,
    not_after: cert.not_after,
    distinguished_name: presentDn(cert),
    enterprise_project_id: cert.enterprise_project_id,
  };
}
