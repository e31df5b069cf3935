import { CSR_INPUT_MAX_BYTES } from "@pca/contracts";

/** The CSR field's content: text typed or pasted (or read from a text file), or a binary DER file. */
export type CsrSource =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "der"; readonly bytes: Uint8Array; readonly fileName: string };

export const ACCEPTED_CSR_EXTENSIONS = [".csr", ".pem", ".der", ".txt"] as const;

/** Text if every byte is printable ASCII or whitespace (after an optional UTF-8 BOM). */
export function looksLikeText(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (!(b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b <= 0x7e))) return false;
  }
  return true;
}

export type ReadFileResult =
  | { ok: true; source: CsrSource }
  | { ok: false; reason: "too-large" | "unreadable" };

/**
 * Reads a dropped or picked file: a text file becomes the field's text (so it can be read and
 * edited), anything else is kept as DER bytes for the decoder. Nothing is uploaded.
 */
export async function readCsrFile(file: File): Promise<ReadFileResult> {
  if (file.size > CSR_INPUT_MAX_BYTES) return { ok: false, reason: "too-large" };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (looksLikeText(bytes))
      return { ok: true, source: { kind: "text", text: new TextDecoder().decode(bytes) } };
    return { ok: true, source: { kind: "der", bytes, fileName: file.name } };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
