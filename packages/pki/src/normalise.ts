/**
 * Undoes what copying a CSR out of JSON does to it: surrounding quotes, the two-character escapes
 * `\n`, `\r\n`, `\r`, `\/` and `\uXXXX`. Text without a backslash is returned as is, so a real PEM
 * is never touched.
 */
export function unescapeCopiedText(text: string): string {
  let t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).trim();
  if (!t.includes("\\")) return t;
  return (
    t
      // JSON inside JSON (a log line holding a request body) doubles the backslashes: collapse them.
      .replace(/\\+(?=[nru/])/g, "\\")
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\r\\n|\\n|\\r/g, "\n")
      .replace(/\\\//g, "/")
      .trim()
  );
}

/** Removes every kind of whitespace (newlines of any style, spaces, tabs, NBSP, BOM). */
export const stripWhitespace = (text: string): string => text.replace(/[\s\uFEFF]+/g, "");
