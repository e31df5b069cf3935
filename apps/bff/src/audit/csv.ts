import type { AuditEvent } from "@pca/contracts";

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  "seq",
  "time",
  "timeUtc",
  "actor",
  "role",
  "action",
  "target",
  "outcome",
  "requestId",
  "upstreamRequestId",
  "details",
  "prevHash",
  "hash",
] as const;

/**
 * One CSV cell: always quoted, quotes doubled, and a leading `=`, `+`, `-`, `@`, tab or CR
 * prefixed with `'` so a spreadsheet shows the text instead of running it as a formula (OWASP's
 * CSV injection advice).
 */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(csvCell).join(",")}\r\n`;
}

/** One cell of an event: every field as it is, plus its time in UTC and its details as JSON. */
function cellOf(e: AuditEvent, column: (typeof CSV_COLUMNS)[number]): unknown {
  if (column === "timeUtc") return new Date(e.time).toISOString();
  if (column === "details") return JSON.stringify(e.details);
  return e[column];
}

/** One event as a CSV record (CRLF-terminated, RFC 4180). */
export function csvRow(e: AuditEvent): string {
  return `${CSV_COLUMNS.map((column) => csvCell(cellOf(e, column))).join(",")}\r\n`;
}
