import { describe, expect, it } from "vitest";
import { fixtures } from "../../../testing/fixtures";
import { looksLikeText, readCsrFile } from "./read-csr-file";

describe("readCsrFile", () => {
  it("ok/a PEM file becomes text", async () => {
    const result = await readCsrFile(new File([fixtures.ecPem()], "a.csr"));
    expect(result.ok && result.source.kind).toBe("text");
  });
  it("ok/a DER file stays bytes", async () => {
    const result = await readCsrFile(new File([fixtures.derBytes()], "kiosk.der"));
    expect(result).toMatchObject({ ok: true, source: { kind: "der", fileName: "kiosk.der" } });
  });
  it("fail/a file over 64 KiB is refused unread", async () => {
    const result = await readCsrFile(new File([new Uint8Array(64 * 1024 + 1)], "big.pem"));
    expect(result).toEqual({ ok: false, reason: "too-large" });
  });
  it("looksLikeText accepts a BOM and CRLF, refuses binary", () => {
    expect(looksLikeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a]))).toBe(true);
    expect(looksLikeText(new Uint8Array([0x30, 0x82, 0x01]))).toBe(false);
  });
});
