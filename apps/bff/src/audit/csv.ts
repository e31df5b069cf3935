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

/** One event as a CSV record (CRLF-terminated, RFC 4180). */
export function csvRow(e: AuditEvent): string {
  const cells = [
    e.seq,
    e.time,
    new Date(e.time).toISOString(),
    e.actor,
    e.role,
    e.action,
    e.target,
    e.outcome,
    e.requestId,
    e.upstreamRequestId,
    JSON.stringify(e.details),
    e.prevHash,
    e.hash,
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}
