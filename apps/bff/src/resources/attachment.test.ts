import { describe, expect, it } from "vitest";
import { contentDisposition, fileStem, lfPem } from "./attachment";

describe("fileStem", () => {
  it.each([
    ["ok/spaces", "Example Corp Partner CA G1", "Example-Corp-Partner-CA-G1"],
    ["ok/chinese kept", "示例 根CA", "示例-根CA"],
    ["ok/path separators", "../../etc/passwd", "etc-passwd"],
    ["ok/quotes and semicolons", 'a"b;c\\d', "a-b-c-d"],
    ["ok/control characters", "a\r\nb\u0000c", "a-b-c"],
    ["fail/empty falls back", "", "fallback"],
    ["fail/only punctuation falls back", "../..", "fallback"],
    ["fail/null falls back", null, "fallback"],
  ] as const)("%s", (_name, input, want) => {
    expect(fileStem(input, "fallback")).toBe(want);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII filename and an RFC 5987 filename*", () => {
    expect(contentDisposition("Example-CA.csr.pem")).toBe(
      "attachment; filename=\"Example-CA.csr.pem\"; filename*=UTF-8''Example-CA.csr.pem",
    );
    expect(contentDisposition("根CA.csr.pem")).toBe(
      "attachment; filename=\"_CA.csr.pem\"; filename*=UTF-8''%E6%A0%B9CA.csr.pem",
    );
  });
});

describe("lfPem", () => {
  it("turns CCM's CRLF into LF with one final newline", () => {
    expect(lfPem("-----BEGIN X-----\r\nAAAA\r\n-----END X-----")).toBe(
      "-----BEGIN X-----\nAAAA\n-----END X-----\n",
    );
    expect(lfPem("a\n\n")).toBe("a\n");
    expect(lfPem("")).toBe("");
  });
});
