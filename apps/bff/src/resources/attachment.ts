/**
 * File names and headers for downloads. A CA's or certificate's common name becomes a file name
 * that is safe on every OS (letters, digits, '.', '_', '-'; Unicode letters kept), and the header
 * carries it both ways RFC 6266 allows: an ASCII `filename` and a UTF-8 `filename*`.
 */

const UNSAFE = /[^\p{L}\p{N}._-]+/gu;

/** `Example Corp Issuing CA G1` → `Example-Corp-Issuing-CA-G1`; falls back when nothing is left. */
export function fileStem(name: string | null | undefined, fallback: string): string {
  const stem = (name ?? "")
    .normalize("NFKC")
    .replace(UNSAFE, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "")
    .slice(0, 100);
  return stem || fallback;
}

/** RFC 5987 value-chars: everything else percent-encoded as UTF-8. */
const encodeExtValue = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="…"; filename*=UTF-8''…` for a name made by fileStem. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/** CCM's PEMs come with CRLF; files get LF newlines and one final newline. */
export function lfPem(text: string): string {
  const lf = text.replace(/\r\n?/g, "\n").trim();
  return lf === "" ? "" : `${lf}\n`;
}
