import { KeyObject, randomUUID } from "node:crypto";
import { CCM_LIMITS } from "@pca/contracts";
import { type CaRow, insertCa } from "../state/cas";
import { type Db, getMeta, setMeta } from "../state/db";
import type { DnFields } from "../state/names";
import {
  exportPkcs8,
  generateKeyPair,
  type KeyAlgorithm,
  SIGNATURE_ALGORITHM,
  SIGNATURE_HASH,
} from "./algorithms";
import { crypto, x509 } from "./crypto";
import { DEFAULT_KEY_USAGE, type Signer, signCertificate } from "./issue";
import { keyIdOf } from "./key-id";
import { nameOf } from "./names";
import { toWirePem } from "./pem";

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

const dn = (commonName: string, unit: string): DnFields => ({
  common_name: commonName,
  country: "CN",
  state: "Guangdong",
  locality: "Shenzhen",
  organization: "Example Corp",
  organizational_unit: unit,
});

/** The CAs a first start creates: names, keys and states the console and benchmarks rely on. */
export const SEED = {
  root: { dn: dn("Example Corp Root CA G1", "Security Engineering"), key: "EC384", years: 20 },
  issuing: { dn: dn("Example Corp Issuing CA G1", "PKI Operations"), key: "EC256", years: 10 },
  partner: { dn: dn("Example Corp Partner CA G1", "Partner Integration"), key: "EC384" },
  legacy: { dn: dn("Example Corp Legacy CA G0", "PKI Operations"), key: "EC256", years: 5 },
} as const satisfies Record<string, { dn: DnFields; key: KeyAlgorithm; years?: number }>;

const baseRow = (caId: string, createTime: number) => ({
  ca_id: caId,
  create_time: createTime,
  delete_time: null,
  listed: 1 as const,
  enterprise_project_id: "0",
  free_quota: 0,
  charging_mode: 1,
  signature_algorithm: SIGNATURE_ALGORITHM,
  gen_mode: "GENERATE" as const,
});

async function generatedCa(
  spec: { dn: DnFields; key: KeyAlgorithm; years: number },
  parent: (Signer & { caId: string }) | undefined,
  now: number,
  status: "ACTIVED" | "DISABLED",
  createTime: number,
): Promise<{ row: CaRow; signer: Signer & { caId: string } }> {
  const keys = await generateKeyPair(spec.key);
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", keys.publicKey));
  const subject = new Uint8Array(new x509.Name(nameOf(spec.dn)).toArrayBuffer());
  const key = KeyObject.from(keys.privateKey);
  const notBefore = now - 60 * 60 * 1000;
  const keyId = keyIdOf(spki);
  const signed = signCertificate(
    {
      subject,
      spki,
      subjectKeyId: keyId,
      notBefore,
      notAfter: notBefore + spec.years * YEAR_MS,
      ca: { pathLength: parent ? 0 : null },
      keyUsage: DEFAULT_KEY_USAGE.INTERMEDIATE_CA,
    },
    parent ?? { self: key, keyAlgorithm: spec.key },
  );
  const caId = randomUUID();
  const row: CaRow = {
    ...baseRow(caId, createTime),
    ...spec.dn,
    type: parent ? "SUBORDINATE" : "ROOT",
    status,
    // A generated root is unlimited; CCM stores that as 7 (reference §3.1).
    path_length: parent ? 0 : CCM_LIMITS.rootPathLength,
    issuer_id: parent?.caId ?? null,
    key_algorithm: spec.key,
    serial_number: signed.serialNumber,
    not_before: signed.notBefore,
    not_after: signed.notAfter,
    certificate_pem: x509.PemConverter.encode(signed.der, "CERTIFICATE"),
    csr_pem: null,
    private_key_pkcs8: await exportPkcs8(keys.privateKey),
  };
  return {
    row,
    signer: { name: subject, keyId, key, keyAlgorithm: spec.key, caId },
  };
}

async function pendingCa(spec: { dn: DnFields; key: KeyAlgorithm }, createTime: number): Promise<CaRow> {
  const keys = await generateKeyPair(spec.key);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: nameOf(spec.dn),
    keys,
    signingAlgorithm: { name: "ECDSA", hash: SIGNATURE_HASH },
  });
  return {
    ...baseRow(randomUUID(), createTime),
    ...spec.dn,
    type: "SUBORDINATE",
    status: "PENDING",
    path_length: 0,
    issuer_id: null,
    key_algorithm: spec.key,
    serial_number: null,
    not_before: null,
    not_after: null,
    certificate_pem: null,
    csr_pem: toWirePem(csr.toString("pem")),
    private_key_pkcs8: await exportPkcs8(keys.privateKey),
  };
}

/**
 * On a database's first start: a root CA, an ACTIVED EC P-256 issuing CA, a PENDING subordinate
 * with its own key (so its CSR exports) and a DISABLED one. EC keys keep this to milliseconds.
 * Returns false when the database was seeded before.
 */
export async function seedDatabase(db: Db, now: number): Promise<boolean> {
  if (getMeta(db, "seeded") !== undefined) return false;
  const root = await generatedCa(SEED.root, undefined, now, "ACTIVED", now - 4);
  const issuing = await generatedCa(SEED.issuing, root.signer, now, "ACTIVED", now - 3);
  const legacy = await generatedCa(SEED.legacy, root.signer, now, "DISABLED", now - 2);
  const partner = await pendingCa(SEED.partner, now - 1);
  db.transaction(() => {
    for (const row of [root.row, issuing.row, legacy.row, partner]) insertCa(db, row);
    setMeta(db, "seeded", String(now));
  })();
  return true;
}
