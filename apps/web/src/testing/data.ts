import {
  type ApiToken,
  ApiTokenSchema,
  type CertificateAuthority,
  CertificateAuthoritySchema,
  type CertificateDetailResponse,
  CertificateDetailResponseSchema,
  type CertificateListItem,
  CertificateListItemSchema,
  type Role,
  type SessionInfo,
  SessionInfoSchema,
  type User,
  UserSchema,
} from "@pca/contracts";

/** Test data, built through the contract's schemas so it is always a shape the BFF could send. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const DAY = 86_400_000;

export const session = (role: Role = "issuer", username = "alice"): SessionInfo =>
  SessionInfoSchema.parse({
    user: { username, role },
    csrfToken: "csrf-token-for-tests",
    idleExpiresAt: NOW + 3_600_000,
    absoluteExpiresAt: NOW + 8 * 3_600_000,
  });

export const ids = {
  root: "11111111-1111-4111-8111-111111111111",
  active: "22222222-2222-4222-8222-222222222222",
  pending: "33333333-3333-4333-8333-333333333333",
  cert: "44444444-4444-4444-8444-444444444444",
  certSoon: "55555555-5555-4555-8555-555555555555",
};

export const ca = (overrides: Partial<CertificateAuthority> = {}): CertificateAuthority =>
  CertificateAuthoritySchema.parse({
    ca_id: ids.active,
    type: "SUBORDINATE",
    status: "ACTIVED",
    path_length: 2,
    issuer_id: ids.root,
    issuer_name: "Example Root CA",
    key_algorithm: "EC256",
    signature_algorithm: "SHA256",
    gen_mode: "GENERATE",
    serial_number: "0a1b2c",
    create_time: NOW - 30 * DAY,
    not_before: NOW - 30 * DAY,
    not_after: NOW + 5 * 365 * DAY,
    distinguished_name: { common_name: "Example Issuing CA", organization: "Example", country: "CN" },
    crl_configuration: { enabled: false },
    ...overrides,
  });

export const cas = (): CertificateAuthority[] => [
  ca({
    ca_id: ids.root,
    type: "ROOT",
    path_length: 7,
    issuer_id: null,
    issuer_name: null,
    distinguished_name: { common_name: "Example Root CA" },
  }),
  ca(),
  ca({
    ca_id: ids.pending,
    status: "PENDING",
    not_before: null,
    not_after: null,
    distinguished_name: { common_name: "Pending Sub CA" },
  }),
];

export const certificate = (overrides: Partial<CertificateListItem> = {}): CertificateListItem =>
  CertificateListItemSchema.parse({
    certificate_id: ids.cert,
    status: "ISSUED",
    issuer_id: ids.active,
    issuer_name: "Example Issuing CA",
    key_algorithm: "EC256",
    signature_algorithm: "SHA256",
    serial_number: "01ff",
    create_time: NOW - DAY,
    not_before: NOW - DAY,
    not_after: NOW + 365 * DAY,
    distinguished_name: { common_name: "shop.example.com" },
    subject_alternative_names: [{ type: "DNS", value: "shop.example.com" }],
    ...overrides,
  });

/** A decoded certificate as the BFF's preview gives it (hand-built, checked by the schema). */
export const certificateDetail = (id = ids.cert, notAfter = NOW + 365 * DAY): CertificateDetailResponse =>
  CertificateDetailResponseSchema.parse({
    certificate: certificate({ certificate_id: id, not_after: notAfter }),
    pem: {
      certificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
      certificate_chain: "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
    },
    preview: {
      subject: "CN=shop.example.com",
      subjectRdns: [[{ oid: "2.5.4.3", name: "CN", asn1Type: "UTF8String", value: "shop.example.com" }]],
      issuer: "CN=Example Issuing CA",
      issuerRdns: [[{ oid: "2.5.4.3", name: "CN", asn1Type: "UTF8String", value: "Example Issuing CA" }]],
      serialNumber: "01ff",
      version: 3,
      notBefore: new Date(NOW - DAY).toISOString(),
      notAfter: new Date(notAfter).toISOString(),
      notBeforeMs: NOW - DAY,
      notAfterMs: notAfter,
      subjectAltNames: [{ type: "DNS", value: "shop.example.com" }],
      publicKey: { algorithm: "EC", size: 256, curve: "P-256", oid: "1.2.840.10045.2.1" },
      signatureAlgorithm: "ecdsa-with-SHA256",
      signature: { oid: "1.2.840.10045.4.3.2", hash: "SHA-256" },
      extensions: {
        basicConstraints: { critical: true, ca: false, pathLength: null },
        keyUsage: { critical: true, values: ["digitalSignature"] },
        other: [{ oid: "1.3.6.1.4.1.99999.1", critical: false, length: 12 }],
      },
      selfIssued: false,
      fingerprints: { sha256: "ab".repeat(32), sha1: "cd".repeat(20), spkiSha256: "ef".repeat(32) },
    },
  });

/** A console user as `GET /api/users` lists one. */
export const user = (username: string, role: Role, overrides: Partial<User> = {}): User =>
  UserSchema.parse({
    username,
    role,
    disabled: false,
    createdAt: NOW - 10 * DAY,
    updatedAt: NOW - 10 * DAY,
    lastLoginAt: null,
    ...overrides,
  });

/** An API token as `GET /api/tokens` lists one: never a secret. */
export const apiToken = (id: string, overrides: Partial<ApiToken> = {}): ApiToken =>
  ApiTokenSchema.parse({
    id,
    name: `token ${id}`,
    role: "viewer",
    owner: "root",
    createdAt: NOW - 5 * DAY,
    expiresAt: NOW + 85 * DAY,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  });
