import type { Certificate, CertificateAuthority } from "@pca/contracts";

/**
 * CCM's records as the console answers them, field by field (like Outline's presenters): a field
 * CCM adds tomorrow does not reach the browser until someone lists it here and in the contract.
 */
export function presentCa(ca: CertificateAuthority): CertificateAuthority {
  return {
    ca_id: ca.ca_id,
    type: ca.type,
    status: ca.status,
    path_length: ca.path_length,
    issuer_id: ca.issuer_id,
    issuer_name: ca.issuer_name,
    key_algorithm: ca.key_algorithm,
    signature_algorithm: ca.signature_algorithm,
    freeze_flag: ca.freeze_flag,
    gen_mode: ca.gen_mode,
    serial_number: ca.serial_number,
    create_time: ca.create_time,
    delete_time: ca.delete_time,
    not_before: ca.not_before,
    not_after: ca.not_after,
    distinguished_name: ca.distinguished_name && {
      common_name: ca.distinguished_name.common_name,
      country: ca.distinguished_name.country,
      state: ca.distinguished_name.state,
      locality: ca.distinguished_name.locality,
      organization: ca.distinguished_name.organization,
      organizational_unit: ca.distinguished_name.organizational_unit,
    },
    crl_configuration: ca.crl_configuration && {
      enabled: ca.crl_configuration.enabled,
      crl_name: ca.crl_configuration.crl_name,
      obs_bucket_name: ca.crl_configuration.obs_bucket_name,
      valid_days: ca.crl_configuration.valid_days,
      crl_dis_point: ca.crl_configuration.crl_dis_point,
    },
    enterprise_project_id: ca.enterprise_project_id,
    free_quota: ca.free_quota,
    charging_mode: ca.charging_mode,
    cluster_id: ca.cluster_id,
    domain_id: ca.domain_id,
  };
}

/** CCM's certificate record, field by field. */
export function presentCertificate(c: Certificate): Certificate {
  return {
    certificate_id: c.certificate_id,
    status: c.status,
    issuer_id: c.issuer_id,
    issuer_name: c.issuer_name,
    key_algorithm: c.key_algorithm,
    signature_algorithm: c.signature_algorithm,
    freeze_flag: c.freeze_flag,
    gen_mode: c.gen_mode,
    serial_number: c.serial_number,
    create_time: c.create_time,
    delete_time: c.delete_time,
    not_before: c.not_before,
    not_after: c.not_after,
    distinguished_name: c.distinguished_name && {
      common_name: c.distinguished_name.common_name,
      country: c.distinguished_name.country,
      state: c.distinguished_name.state,
      locality: c.distinguished_name.locality,
      organization: c.distinguished_name.organization,
      organizational_unit: c.distinguished_name.organizational_unit,
    },
    enc_cert_info: c.enc_cert_info && { enc_serial_number: c.enc_cert_info.enc_serial_number },
    enterprise_project_id: c.enterprise_project_id,
  };
}
