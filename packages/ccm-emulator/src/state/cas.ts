import type { CaStatus, CaType } from "@pca/contracts";
import { type Db, stmt } from "./db";
import type { DnFields, ListWindow } from "./names";

/** A CA as the emulator stores it. `status` is the stored one; EXPIRED is derived at read time. */
export interface CaRow extends DnFields {
  readonly ca_id: string;
  readonly type: CaType;
  readonly status: Exclude<CaStatus, "EXPIRED">;
  readonly path_length: number;
  readonly issuer_id: string | null;
  readonly key_algorithm: string;
  readonly signature_algorithm: string;
  readonly gen_mode: "GENERATE" | "IMPORT" | "CSR";
  readonly serial_number: string | null;
  readonly create_time: number;
  readonly delete_time: number | null;
  readonly not_before: number | null;
  readonly not_after: number | null;
  readonly certificate_pem: string | null;
  readonly csr_pem: string | null;
  readonly private_key_pkcs8: Buffer | null;
  readonly listed: 0 | 1;
  readonly enterprise_project_id: string;
  readonly free_quota: number;
  readonly charging_mode: number;
}

/** A CA row with its effective status and its issuer's common name. */
export interface CaView extends CaRow {
  readonly effective_status: CaStatus;
  readonly issuer_name: string | null;
}

const COLUMNS = `c.*, p.common_name AS issuer_name,
  CASE WHEN c.status = 'ACTIVED' AND c.not_after IS NOT NULL AND c.not_after < @now
       THEN 'EXPIRED' ELSE c.status END AS effective_status`;

/** Inserts a CA. */
export function insertCa(db: Db, row: CaRow): void {
  const keys = Object.keys(row);
  stmt(db, `INSERT INTO cas (${keys.join(", ")}) VALUES (${keys.map((k) => `@${k}`).join(", ")})`).run(row);
}

/** One CA by id, listed or not; undefined when there is none. */
export function getCa(db: Db, caId: string, now: number): CaView | undefined {
  return stmt(
    db,
    `SELECT ${COLUMNS} FROM cas c LEFT JOIN cas p ON p.ca_id = c.issuer_id WHERE c.ca_id = @caId`,
  ).get({ caId, now }) as CaView | undefined;
}

export interface CaFilter {
  readonly name?: string | undefined;
  readonly status?: CaStatus | undefined;
  readonly type?: CaType | undefined;
  readonly sortKey: "create_time" | "common_name" | "type" | "not_after";
}

/** What issuance reads of its issuer: no join, no PEM text, no key bytes (see SignerCache). */
export interface IssuerView {
  readonly ca_id: string;
  readonly effective_status: CaStatus;
  readonly path_length: number;
  readonly not_after: number | null;
  /** 1 when the CA has both a key and a certificate, i.e. can sign. */
  readonly can_sign: 0 | 1;
}

/** The issuer of a CreateCertificateByCsr, read lean (the hot path); undefined when there is none. */
export function getIssuer(db: Db, caId: string, now: number): IssuerView | undefined {
  return stmt(
    db,
    `SELECT ca_id, path_length, not_after,
       (private_key_pkcs8 IS NOT NULL AND certificate_pem IS NOT NULL) AS can_sign,
       CASE WHEN status = 'ACTIVED' AND not_after IS NOT NULL AND not_after < ? THEN 'EXPIRED' ELSE status END
         AS effective_status
     FROM cas WHERE ca_id = ?`,
  ).get(now, caId) as IssuerView | undefined;
}

/** The listed CAs matching a filter, one page of them, and how many match in all. */
export function listCas(
  db: Db,
  filter: CaFilter,
  window: ListWindow,
  now: number,
): { total: number; rows: CaView[] } {
  const where = ["c.listed = 1"];
  const params: Record<string, unknown> = { now, limit: window.limit, offset: window.offset };
  if (filter.name !== undefined) {
    where.push("instr(c.common_name, @name) > 0");
    params.name = filter.name;
  }
  if (filter.type !== undefined) {
    where.push("c.type = @type");
    params.type = filter.type;
  }
  const base = `SELECT ${COLUMNS} FROM cas c LEFT JOIN cas p ON p.ca_id = c.issuer_id WHERE ${where.join(" AND ")}`;
  const statusClause = filter.status === undefined ? "" : "WHERE effective_status = @status";
  if (filter.status !== undefined) params.status = filter.status;
  // sort_key names a wire field; the column list is fixed, so interpolating it is safe.
  const order = `ORDER BY ${filter.sortKey} ${window.sortDir}, ca_id ${window.sortDir}`;
  const total = (stmt(db, `SELECT count(*) AS n FROM (${base}) ${statusClause}`).get(params) as { n: number })
    .n;
  const rows = stmt(db, `SELECT * FROM (${base}) ${statusClause} ${order} LIMIT @limit OFFSET @offset`).all(
    params,
  ) as CaView[];
  return { total, rows };
}

/** How many CAs count against the CA quota (INTERMEDIATE_CA results do not). */
export function countListedCas(db: Db): number {
  return (stmt(db, "SELECT count(*) AS n FROM cas WHERE listed = 1").get() as { n: number }).n;
}

/** The chain above a CA, nearest issuer first, ending at the root; the CA itself is not included. */
export function issuersOf(db: Db, ca: Pick<CaRow, "issuer_id">, now: number): CaView[] {
  const chain: CaView[] = [];
  let next = ca.issuer_id;
  while (next !== null && chain.length < 16) {
    const parent = getCa(db, next, now);
    if (!parent) break;
    chain.push(parent);
    next = parent.issuer_id;
  }
  return chain;
}
