import { randomUUID } from "node:crypto";
import {
  type CreateCertificateByCsrRequest,
  type CreateCertificateByCsrResponse,
  computeValidity,
  fail,
  ok,
  type Result,
} from "@pca/contracts";
import type { CcmErrorName } from "../errors";
import { readCsr } from "../pki/csr";
import { DEFAULT_KEY_USAGE, SIGNATURE_ALGORITHM, signCertificate } from "../pki/issue";
import { derToWirePem } from "../pki/pem";
import type { SignerCache } from "../pki/signers";
import { getCa, getIssuer, type IssuerView, insertCa } from "../state/cas";
import { hasAtLeastCertificates, insertCertificate } from "../state/certificates";
import type { Db } from "../state/db";
import type { DnFields } from "../state/names";

/** CCM's fixed private-certificate quota (reference §3.7). */
export const CERTIFICATE_QUOTA = 100_000;

/** Copied from the CSR's extension request when present: SANs and extended key usage. */
const COPIED_EXTENSIONS = ["2.5.29.17", "2.5.29.37"];
const KEY_USAGE_OID = "2.5.29.15";

export interface IssueContext {
  readonly db: Db;
  readonly signers: SignerCache;
  readonly now: number;
}

/**
 * CreateCertificateByCsr, in CCM's order of checks, for a body its schema accepted (the routing
 * checks shape and limits first): issuer exists → issuer ACTIVED → CSR decodes, verifies and has
 * a key CCM takes → path length below the issuer's → validity (contracts' computeValidity, incl.
 * start_from and the issuer's notAfter) → quota → sign with SHA-384 → store.
 */
export async function createCertificateByCsr(
  req: CreateCertificateByCsrRequest,
  ctx: IssueContext,
): Promise<Result<CreateCertificateByCsrResponse, CcmErrorName>> {
  const kind = req.type ?? "ENTITY_CERT";

  const issuer = getIssuer(ctx.db, req.issuer_id, ctx.now);
  if (!issuer) return fail("NOT_FOUND", "The issuing CA does not exist.");
  const signer =
    issuer.effective_status === "ACTIVED" && issuer.can_sign === 1
      ? ctx.signers.forCa(issuer.ca_id, () => getCa(ctx.db, issuer.ca_id, ctx.now))
      : undefined;
  if (!signer) return fail("ISSUER_NOT_ACTIVE", `The issuing CA is ${issuer.effective_status}.`);

  const csr = await readCsr(req.csr);
  if (!csr.ok) {
    const name = csr.error.code === "KEY_ALGORITHM_UNSUPPORTED" ? "INVALID_KEY_ALGORITHM" : "INVALID_CSR";
    return fail(name, csr.error.message);
  }

  const pathLength = req.path_length ?? 0;
  if (kind === "INTERMEDIATE_CA" && !(pathLength < issuer.path_length)) {
    return fail("INVALID_PATH_LENGTH", `The issuing CA's path length is ${issuer.path_length}.`);
  }

  const window = computeValidity(req.validity, {
    kind,
    now: ctx.now,
    issuerNotAfter: issuer.not_after ?? undefined,
  });
  if (!window.ok) return fail("INVALID_VALIDITY", window.error.message);

  if (kind === "ENTITY_CERT" && hasAtLeastCertificates(ctx.db, CERTIFICATE_QUOTA))
    return fail("QUOTA_EXCEEDED", "");

  const request = csr.value;
  const requestedUsage = request.extensions.find((e) => e.oid === KEY_USAGE_OID);
  const signed = signCertificate(
    {
      subject: request.subject,
      spki: request.spki,
      subjectKeyId: request.subjectKeyId,
      notBefore: window.value.notBefore,
      notAfter: window.value.notAfter,
      ca: kind === "INTERMEDIATE_CA" ? { pathLength } : undefined,
      keyUsage: requestedUsage?.der ?? DEFAULT_KEY_USAGE[kind],
      copied: request.extensions.filter((e) => COPIED_EXTENSIONS.includes(e.oid)).map((e) => e.der),
    },
    signer,
  );
  const id = randomUUID();
  store(ctx, issuer, kind, id, {
    ...request.dn,
    key_algorithm: request.keyAlgorithm,
    serial_number: signed.serialNumber,
    // The reference: not_before/not_after are the certificate's own (X.509 keeps whole seconds).
    not_before: signed.notBefore,
    not_after: signed.notAfter,
    certificate_pem: derToWirePem("CERTIFICATE", signed.der),
    path_length: pathLength,
  });
  return ok({ certificate_id: id });
}

function store(
  ctx: IssueContext,
  issuer: Pick<IssuerView, "ca_id">,
  kind: "ENTITY_CERT" | "INTERMEDIATE_CA",
  id: string,
  issued: DnFields & {
    key_algorithm: string;
    serial_number: string;
    not_before: number;
    not_after: number;
    certificate_pem: string;
    path_length: number;
  },
): void {
  const { path_length, ...fields } = issued;
  const common = {
    ...fields,
    issuer_id: issuer.ca_id,
    signature_algorithm: SIGNATURE_ALGORITHM,
    gen_mode: "CSR" as const,
    create_time: ctx.now,
    delete_time: null,
    enterprise_project_id: "0",
  };
  if (kind === "ENTITY_CERT") {
    insertCertificate(ctx.db, { ...common, certificate_id: id, status: "ISSUED" });
    return;
  }
  // An INTERMEDIATE_CA result is a CA whose key stays with the requester: no key, not listed,
  // and its certificate_id is its ca_id (seed, CreateCertificateByCsr 功能介绍).
  insertCa(ctx.db, {
    ...common,
    ca_id: id,
    type: "SUBORDINATE",
    status: "ACTIVED",
    path_length,
    csr_pem: null,
    private_key_pkcs8: null,
    listed: 0,
    free_quota: 0,
    charging_mode: 1,
  });
}
