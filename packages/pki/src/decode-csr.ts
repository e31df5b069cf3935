import { ok, type Result } from "@pca/contracts";
import { decodeBase64, isBase64Alphabet } from "./base64";
import { type GuardFault, guardDer } from "./der-guard";
import { MAX_INPUT_BYTES } from "./limits";
import { stripWhitespace, unescapeCopiedText } from "./normalise";
import { type CsrInfo, parseCsr } from "./parse-csr";
import {
  CERTIFICATE_LABELS,
  CSR_LABELS,
  isPrivateKeyLabel,
  PUBLIC_KEY_LABELS,
  printableLabel,
  scanPem,
} from "./pem";
import { refuse } from "./refusals";
import { type Judged, judgeShape } from "./shape";

/** How the CSR was given. */
export type CsrInputForm = "pem" | "der" | "base64";

/** A CSR that was fully understood: its exact DER, the input form, and what it says. */
export interface DecodedCsr {
  readonly der: Uint8Array;
  readonly form: CsrInputForm;
  readonly info: CsrInfo;
}

/** Private key material in any text style: PEM labels, OpenSSH, ssh.com and PuTTY files. */
const PRIVATE_KEY_TEXT = /PRIVATE KEY-----|PRIVATE KEY ----|PuTTY-User-Key-File/i;

/** Bytes no text file has (C0 controls other than tab, LF, CR; DEL); DER always has some. */
function looksBinary(bytes: Uint8Array): boolean {
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return true;
  return false;
}

/** What DER bytes are, judged once: a fault of their structure, or their shape. */
type Judgement = { readonly fault: GuardFault } | Judged;

function judge(der: Uint8Array): Judgement {
  const fault = guardDer(der);
  return fault === undefined ? judgeShape(der) : { fault };
}

/** Judges DER bytes from any source; `form` picks the wording when they are not a SEQUENCE. */
function decodeDer(
  der: Uint8Array,
  form: CsrInputForm,
  pemLabel?: string,
  judged: Judgement = judge(der),
): Result<DecodedCsr> {
  if ("fault" in judged) {
    if (pemLabel !== undefined && CERTIFICATE_LABELS.has(pemLabel)) return refuse.certificate();
    const { fault } = judged;
    switch (fault.kind) {
      case "not-sequence":
        return form === "base64" ? refuse.notPem() : form === "der" ? refuse.notDer() : refuse.unparseable();
      case "length-invalid":
        return refuse.derLengthInvalid();
      case "truncated":
        return refuse.truncated("its DER length says more bytes follow than were given");
      case "trailing-data":
        return refuse.trailingData(fault.extra);
      case "too-deep":
        return refuse.tooDeep();
    }
  }
  // Whatever the label says, key material is refused as such.
  if (judged.shape === "private-key") return refuse.privateKey();
  if (pemLabel !== undefined && CERTIFICATE_LABELS.has(pemLabel)) {
    return judged.shape === "csr" ? refuse.csrUnderCertificateLabel(pemLabel) : refuse.certificate();
  }
  switch (judged.shape) {
    case "certificate":
      return refuse.certificate();
    case "public-key":
      return refuse.publicKey();
    case "unknown":
      return refuse.unparseable();
    case "csr":
      try {
        return ok({ der, form, info: parseCsr(judged.request, judged.tree) });
      } catch {
        // The request's parts do not read as what they claim (a bad name, key, extension...).
        return refuse.unparseable();
      }
  }
}

function decodeText(input: string): Result<DecodedCsr> {
  if (PRIVATE_KEY_TEXT.test(input)) return refuse.privateKey();
  const text = unescapeCopiedText(input);
  if (text === "") return refuse.empty();
  const { begins, ends } = scanPem(text);
  if (begins.some((b) => isPrivateKeyLabel(b.label)) || ends.some((e) => isPrivateKeyLabel(e.label))) {
    return refuse.privateKey();
  }
  if (begins.length === 0) {
    if (ends.length > 0) return refuse.truncated("the -----BEGIN line is missing");
    const body = stripWhitespace(text);
    if (!isBase64Alphabet(body)) return refuse.notPem();
    const der = decodeBase64(body);
    if (der === null || der[0] !== 0x30) return refuse.notPem();
    return decodeDer(der, "base64");
  }
  if (begins.length > 1 || ends.length > 1)
    return refuse.multipleBlocks(Math.max(begins.length, ends.length));
  const begin = begins[0];
  const end = ends[0];
  if (begin === undefined) return refuse.notPem();
  if (end === undefined || end.index < begin.end) return refuse.truncated("the -----END line is missing");
  if (end.label !== begin.label) return refuse.mismatchedPem();
  const label = begin.label;
  const body = stripWhitespace(text.slice(begin.end, end.index));
  const der = decodeBase64(body);
  const judged = der === null ? undefined : judge(der);
  if (judged !== undefined && "shape" in judged && judged.shape === "private-key") return refuse.privateKey();
  if (PUBLIC_KEY_LABELS.has(label)) return refuse.publicKey();
  if (!CSR_LABELS.has(label) && !CERTIFICATE_LABELS.has(label))
    return refuse.wrongLabel(printableLabel(label));
  if (body === "") return refuse.truncated("the PEM block has no body");
  if (der === null || judged === undefined) return refuse.badBase64();
  return decodeDer(der, "pem", label, judged);
}

/**
 * Decodes a CSR given in any form a person pastes: PEM with LF, CRLF or CR newlines, the JSON
 * escapes `\n` and `\r\n`, bare base64 with or without line breaks, DER bytes, surrounding
 * whitespace, the NEW CERTIFICATE REQUEST label. Never throws. Refuses with CSR_EMPTY,
 * CSR_TOO_LARGE (before any parsing), CSR_NOT_PEM, CSR_WRONG_PEM_LABEL, CSR_IS_CERTIFICATE,
 * CSR_IS_PUBLIC_KEY, CSR_PRIVATE_KEY, CSR_MULTIPLE_BLOCKS, CSR_TRUNCATED, CSR_BAD_BASE64,
 * CSR_NOT_DER, CSR_DER_LENGTH_INVALID, CSR_TRAILING_DATA, CSR_NESTING_TOO_DEEP or
 * CSR_UNPARSEABLE; no message ever contains any part of the input.
 */
export function decodeCsr(input: string | Uint8Array): Result<DecodedCsr> {
  try {
    if (typeof input === "string") {
      if (input.length > MAX_INPUT_BYTES) return refuse.tooLarge(input.length);
      return decodeText(input);
    }
    if (!(input instanceof Uint8Array)) return refuse.notPem();
    if (input.length > MAX_INPUT_BYTES) return refuse.tooLarge(input.length);
    if (input.length === 0) return refuse.empty();
    if (looksBinary(input)) {
      if (input[0] !== 0x30) return refuse.notDer();
      // Copy: the caller may reuse its buffer, and the preview must describe these exact bytes.
      return decodeDer(input.slice(), "der");
    }
    return decodeText(new TextDecoder("utf-8").decode(input));
  } catch {
    // Defence in depth: a bug here must still be a coded refusal, never a crash or an echo.
    return refuse.unparseable();
  }
}
