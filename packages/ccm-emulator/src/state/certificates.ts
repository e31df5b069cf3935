import type { CertificateStatus } from "@pca/contracts";
import { type Db, stmt } from "./db";
import type { DnFields, ListWindow } from "./names";

/** An issued private certificate as stored. EXPIRED is derived at read time. */
export interface CertificateRow extends DnFields {
  readonly certificate_id: string;
  readonly status: Exclude<CertificateStatus, "EXPIRED">;
  readonly issuer_id: string;
  readonly key_algorithm: string;
  readonly signature_algorithm: string;
  readonly gen_mode: "GENERATE" | "IMPORT" | "CSR";
  readonly serial_number: string;
  readonly create_time: number;
  readonly delete_time: number | null;
  readonly not_before: number;
  readonly not_after: number;
  readonly certificate_pem: string;
  readonly enterprise_project_id: string;
}

export interface CertificateView extends CertificateRow {
  readonly effective_status: CertificateStatus;
  readonly issuer_name: string | null;
}

const EFFECTIVE_STATUS =
  "CASE WHEN c.status = 'ISSUED' AND c.not_after < @now THEN 'EXPIRED' ELSE c.status END";
const COLUMNS = `c.*, p.common_name AS issuer_name, ${EFFECTIVE_STATUS} AS effective_status`;

/** The column behind each sort_key CCM accepts. */
const SORT_COLUMNS: Record<CertificateFilter["sortKey"], string> = {
  create_time: "c.create_time",
  common_name: "c.common_name",
  issuer_name: "p.common_name",
  not_after: "c.not_after",
};

/** Every column of CertificateRow, in the order insertCertificate binds them. */
const INSERT_COLUMNS = [
  "certificate_id",
  "status",
  "issuer_id",
  "key_algorithm",
  "signature_algorithm",
  "gen_mode",
  "serial_number",
  "create_time",
  "delete_time",
  "not_before",
  "not_after",
  "common_name",
  "country",
  "state",
  "locality",
  "organization",
  "organizational_unit",
  "certificate_pem",
  "enterprise_project_id",
] as const satisfies readonly (keyof CertificateRow)[];
// A column added to CertificateRow but not to INSERT_COLUMNS fails the type check here.
const allColumns: Exclude<keyof CertificateRow, (typeof INSERT_COLUMNS)[number]> extends never
  ? true
  : never = true;
void allColumns;

const INSERT_SQL = `INSERT INTO certificates (${INSERT_COLUMNS.join(", ")}) VALUES (${INSERT_COLUMNS.map(() => "?").join(", ")})`;

/** Inserts an issued certificate (positional parameters: binding by name costs more per row). */
export function insertCertificate(db: Db, row: CertificateRow): void {
  stmt(db, INSERT_SQL).run(INSERT_COLUMNS.map((k) => row[k]));
}

/** One certificate by id; undefined when there is none. */
export function getCertificate(db: Db, certificateId: string, now: number): CertificateView | undefined {
  return stmt(
    db,
    `SELECT ${COLUMNS} FROM certificates c JOIN cas p ON p.ca_id = c.issuer_id WHERE c.certificate_id = @certificateId`,
  ).get({ certificateId, now }) as CertificateView | undefined;
}

export interface CertificateFilter {
  readonly name?: string | undefined;
  readonly status?: CertificateStatus | undefined;
  readonly sortKey: "create_time" | "common_name" | "issuer_name" | "not_after";
}

/** The certificates matching a filter, one page of them, and how many match in all. */
export function listCertificates(
  db: Db,
  filter: CertificateFilter,
  window: ListWindow,
  now: number,
): { total: number; rows: CertificateView[] } {
  const params: Record<string, unknown> = { now, limit: window.limit, offset: window.offset };
  const where: string[] = [];
  if (filter.name !== undefined) {
    where.push("instr(c.common_name, @name) > 0");
    params.name = filter.name;
  }
  if (filter.status !== undefined) {
    where.push(`${EFFECTIVE_STATUS} = @status`);
    params.status = filter.status;
  }
  // No subquery around the join: SQLite then walks the create_time index for the default sort and
  // stops after one page, instead of sorting every certificate for each list (which made lists
  // slower as certificates piled up in a long soak).
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  // sort_key names a wire field; the column list is fixed, so interpolating it is safe.
  const key = SORT_COLUMNS[filter.sortKey];
  const order = `ORDER BY ${key} ${window.sortDir}, c.certificate_id ${window.sortDir}`;
  const from = "FROM certificates c JOIN cas p ON p.ca_id = c.issuer_id";
  // Unfiltered, the total is the table's row count (issuer_id is NOT NULL and references cas, so
  // the join drops no row), which SQLite answers from the b-tree without visiting every row.
  const total = where.length
    ? (stmt(db, `SELECT count(*) AS n ${from} ${clause}`).get(params) as { n: number }).n
    : countCertificates(db);
  const rows = stmt(db, `SELECT ${COLUMNS} ${from} ${clause} ${order} LIMIT @limit OFFSET @offset`).all(
    params,
  ) as CertificateView[];
  return { total, rows };
}

/**
 * Whether there are at least `n` certificates, without counting them all when there are fewer:
 * rowids are distinct and, as the emulator inserts rows, positive, so the largest is at least
 * the number of rows. Both bounds are index look-ups; only a table whose largest rowid reaches
 * `n` (or that holds a rowid below 1) is counted.
 */
export function hasAtLeastCertificates(db: Db, n: number): boolean {
  const { lo, hi } = stmt(
    db,
    "SELECT (SELECT min(rowid) FROM certificates) AS lo, (SELECT max(rowid) FROM certificates) AS hi",
  ).get() as { lo: number | null; hi: number | null };
  if (hi === null || lo === null) return n <= 0;
  if (lo >= 1 && hi < n) return false;
  return countCertificates(db) >= n;
}

/** How many certificates count against the private-certificate quota. */
export function countCertificates(db: Db): number {
  return (stmt(db, "SELECT count(*) AS n FROM certificates").get() as { n: number }).n;
}
