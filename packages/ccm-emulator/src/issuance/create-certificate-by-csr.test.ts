import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../emulator";
import { crlf, fixture } from "../testing/fixtures";
import { certificatePublicKey, certificateText, csrPublicKey, verifyChain } from "../testing/openssl";
import { sdkCall } from "../testing/sdk-client";

let emu: RunningEmulator;
let issuing: string;
let root: string;
let rootPem: string;

const CSR_PATH = "/v1/private-certificates/csr";
const issue = (data: object) => sdkCall(emu, { method: "POST", path: CSR_PATH, data });
const exportCert = async (id: string) => {
  const res = await sdkCall(emu, {
    method: "POST",
    path: `/v1/private-certificates/${id}/export`,
    data: { is_compressed: "false", type: "OTHER" },
  });
  expect(res.status).toBe(200);
  return res.json as { certificate: string; certificate_chain: string };
};
const exportCa = async (id: string) => {
  const res = await sdkCall(emu, {
    method: "POST",
    path: `/v1/private-certificate-authorities/${id}/export`,
  });
  expect(res.status).toBe(200);
  return res.json as { certificate: string; certificate_chain: string };
};
const idOf = (res: { status: number; json: unknown; text: string }): string => {
  expect(res.status, res.text).toBe(200);
  return (res.json as { certificate_id: string }).certificate_id;
};

beforeAll(async () => {
  emu = await startEmulator();
  issuing = emu.seeded?.issuingCaId ?? "";
  root = emu.seeded?.rootCaId ?? "";
  rootPem = (await exportCa(root)).certificate;
});
afterAll(() => emu.close());

describe("CreateCertificateByCsr issues real certificates", () => {
  it.each([
    "rsa2048-shop.pem",
    "rsa4096-portal.pem",
    "ec-p256-mail-tls.pem",
    "ec-p384-vpn.pem",
    "utf8-subject-zh.pem",
    "special-chars-subject.pem",
    "empty-subject-san-only.pem",
    "email-uri-sans.pem",
    "challenge-password.pem",
    "sha1-legacy.pem",
  ])("ok/%s verifies against the chain and carries the CSR's key", async (name) => {
    const csr = fixture(name);
    const id = idOf(
      await issue({ issuer_id: issuing, csr: crlf(csr), validity: { type: "YEAR", value: 1 } }),
    );
    const { certificate, certificate_chain } = await exportCert(id);
    expect(certificate).toContain("\r\n");
    expect(certificate.endsWith("\r\n")).toBe(false);
    expect(verifyChain(rootPem, certificate_chain, certificate).trim()).toMatch(/cert\.pem: OK$/);
    expect(certificatePublicKey(certificate)).toBe(csrPublicKey(csr));
    const text = certificateText(certificate);
    expect(text).toMatch(/Signature Algorithm: ecdsa-with-SHA384/);
    expect(text).toMatch(/Subject Key Identifier/);
    expect(text).toMatch(/Authority Key Identifier/);
    expect(text).toMatch(/CA:FALSE/);
  });

  it("ok/entity defaults: digitalSignature + keyAgreement, SANs copied, SHA384 in show", async () => {
    const id = idOf(
      await issue({
        issuer_id: issuing,
        csr: fixture("rsa2048-shop.pem"),
        validity: { type: "DAY", value: 30 },
      }),
    );
    const text = certificateText((await exportCert(id)).certificate);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Key Agreement/);
    expect(text).toMatch(/DNS:shop\.example\.com, DNS:www\.shop\.example\.com, IP Address:192\.0\.2\.10/);
    const show = await sdkCall(emu, { method: "GET", path: `/v1/private-certificates/${id}` });
    expect(show.json).toMatchObject({
      certificate_id: id,
      status: "ISSUED",
      issuer_id: issuing,
      issuer_name: "Example Corp Issuing CA G1",
      key_algorithm: "RSA2048",
      signature_algorithm: "SHA384",
      gen_mode: "CSR",
      distinguished_name: {
        common_name: "shop.example.com",
        country: "US",
        organization: "Example Shop Inc.",
      },
    });
    const body = show.json as { not_before: number; not_after: number; create_time: number };
    expect(body.not_after - body.not_before).toBe(30 * 24 * 3600 * 1000);
  });

  it("ok/the CSR's key usage wins over the defaults; extended key usage is copied", async () => {
    const ca = fixture("intermediate-ca-request.pem"); // asks for keyCertSign + cRLSign
    const first = idOf(await issue({ issuer_id: issuing, csr: ca, validity: { type: "MONTH", value: 1 } }));
    const text = certificateText((await exportCert(first)).certificate);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toMatch(/CA:FALSE/);
    const second = idOf(
      await issue({
        issuer_id: issuing,
        csr: fixture("ec-p256-mail-tls.pem"),
        validity: { type: "MONTH", value: 1 },
      }),
    );
    expect(certificateText((await exportCert(second)).certificate)).toMatch(
      /Extended Key Usage:\s+TLS Web Server Authentication, TLS Web Client Authentication/,
    );
  });

  it("ok/CSR newlines as the two-character escapes of the doc example", async () => {
    const escaped = fixture("ec-p384-vpn.pem").trim().replace(/\n/g, "\\n");
    idOf(await issue({ issuer_id: issuing, csr: escaped, validity: { type: "HOUR", value: 5 } }));
  });

  it("ok/start_from in the future sets notBefore; four minutes ago is still accepted", async () => {
    const start = Math.floor(Date.now() / 1000) * 1000 + 86_400_000;
    const id = idOf(
      await issue({
        issuer_id: issuing,
        csr: fixture("ec-p384-vpn.pem"),
        validity: { type: "DAY", value: 1, start_from: start },
      }),
    );
    const show = await sdkCall(emu, { method: "GET", path: `/v1/private-certificates/${id}` });
    expect(show.json).toMatchObject({ not_before: start, not_after: start + 86_400_000 });
    idOf(
      await issue({
        issuer_id: issuing,
        csr: fixture("ec-p384-vpn.pem"),
        validity: { type: "DAY", value: 1, start_from: Date.now() - 4 * 60_000 },
      }),
    );
  });

  it("ok/INTERMEDIATE_CA: CA certificate with the path length, hidden from the CA list, readable by id", async () => {
    const csr = fixture("intermediate-ca-request.pem");
    const id = idOf(
      await issue({
        issuer_id: root,
        csr,
        validity: { type: "YEAR", value: 5 },
        type: "INTERMEDIATE_CA",
        path_length: 1,
      }),
    );
    const show = await sdkCall(emu, { method: "GET", path: `/v1/private-certificate-authorities/${id}` });
    expect(show.json).toMatchObject({
      ca_id: id,
      type: "SUBORDINATE",
      status: "ACTIVED",
      gen_mode: "CSR",
      path_length: 1,
      issuer_id: root,
    });
    const { certificate, certificate_chain } = await exportCa(id);
    expect(verifyChain(rootPem, certificate_chain, certificate).trim()).toMatch(/OK$/);
    expect(certificatePublicKey(certificate)).toBe(csrPublicKey(csr));
    const text = certificateText(certificate);
    expect(text).toMatch(/CA:TRUE, pathlen:1/);
    expect(text).toMatch(/Certificate Sign, CRL Sign/);
    const list = await sdkCall(emu, {
      method: "GET",
      path: "/v1/private-certificate-authorities",
      query: { limit: 100 },
    });
    const ids = (list.json as { certificate_authorities: { ca_id: string }[] }).certificate_authorities.map(
      (c) => c.ca_id,
    );
    expect(ids).not.toContain(id);
    const certs = await sdkCall(emu, {
      method: "GET",
      path: "/v1/private-certificates",
      query: { limit: 1000 },
    });
    expect(JSON.stringify(certs.json)).not.toContain(id);
    // Its key is on the requester's side: it cannot issue.
    const refused = await issue({
      issuer_id: id,
      csr: fixture("ec-p384-vpn.pem"),
      validity: { type: "DAY", value: 1 },
    });
    expect(refused.json).toMatchObject({ error_code: "PCA.00020001" });
  });

  it("ok/INTERMEDIATE_CA defaults: path length 0, CA key usage when the CSR has none", async () => {
    const id = idOf(
      await issue({
        issuer_id: root,
        csr: fixture("ec-p384-vpn.pem"),
        validity: { type: "YEAR", value: 1 },
        type: "INTERMEDIATE_CA",
      }),
    );
    const text = certificateText((await exportCa(id)).certificate);
    expect(text).toMatch(/CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Digital Signature, Certificate Sign, CRL Sign/);
  });
});

describe("CreateCertificateByCsr refusals", () => {
  const valid = () => ({
    issuer_id: issuing,
    csr: fixture("ec-p384-vpn.pem"),
    validity: { type: "YEAR", value: 1 },
  });
  const refused = async (data: object, status: number, code: string) => {
    const res = await issue(data);
    expect(res.status, res.text).toBe(status);
    expect(res.json).toMatchObject({ error_code: code });
    expect(Object.keys(res.json as object).sort()).toEqual(["error_code", "error_msg"]);
  };

  it("fail/issuer does not exist → 400 PCA.10010002", () =>
    refused({ ...valid(), issuer_id: "00000000-0000-4000-8000-000000000000" }, 400, "PCA.10010002"));
  it("fail/issuer id malformed → PCA.00020201", () =>
    refused({ ...valid(), issuer_id: "ABC" }, 400, "PCA.00020201"));
  it("fail/issuer PENDING", () =>
    refused({ ...valid(), issuer_id: emu.seeded?.partnerCaId }, 400, "PCA.00020001"));
  it("fail/issuer DISABLED", () =>
    refused({ ...valid(), issuer_id: emu.seeded?.legacyCaId }, 400, "PCA.00020001"));
  it("fail/csr longer than 5120", () =>
    refused({ ...valid(), csr: crlf(fixture("many-sans-oversize.pem")) }, 400, "PCA.00020001"));
  it("fail/csr empty, not PEM, or a certificate", async () => {
    await refused({ ...valid(), csr: "" }, 400, "PCA.00020001");
    await refused({ ...valid(), csr: "hello" }, 400, "PCA.00020001");
    await refused(
      { ...valid(), csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----" },
      400,
      "PCA.00020001",
    );
  });
  it("fail/csr signature does not verify", async () => {
    const pem = fixture("ec-p384-vpn.pem");
    const lines = pem.split("\n");
    const i = 3; // a line inside the signed subject
    const line = lines[i] ?? "";
    lines[i] = `${line.slice(0, 10)}${line[10] === "A" ? "B" : "A"}${line.slice(11)}`;
    await refused({ ...valid(), csr: lines.join("\n") }, 400, "PCA.00020001");
  });
  it.each([
    "rsa1024-weak.pem",
    "rsa3072-gateway.pem",
    "ec-p521-ldap.pem",
    "ed25519-git.pem",
    "rsa-pss-billing.pem",
  ])("fail/key CCM does not take: %s → PCA.00020102", (name) =>
    refused({ ...valid(), csr: fixture(name) }, 400, "PCA.00020102"),
  );
  it("fail/validity over 20 years, zero, or an unknown unit → PCA.00020109", async () => {
    await refused({ ...valid(), validity: { type: "YEAR", value: 21 } }, 400, "PCA.00020109");
    await refused({ ...valid(), validity: { type: "HOUR", value: 178561 } }, 400, "PCA.00020109");
    await refused({ ...valid(), validity: { type: "YEAR", value: 0 } }, 400, "PCA.00020109");
    await refused({ ...valid(), validity: { type: "WEEK", value: 1 } }, 400, "PCA.00020109");
  });
  it("fail/start_from six minutes ago → PCA.00020109", () =>
    refused(
      { ...valid(), validity: { type: "DAY", value: 1, start_from: Date.now() - 6 * 60_000 } },
      400,
      "PCA.00020109",
    ));
  it("fail/validity beyond the issuer's notAfter → PCA.00020109", () =>
    refused({ ...valid(), validity: { type: "YEAR", value: 15 } }, 400, "PCA.00020109"));
  it("fail/path_length with ENTITY_CERT", () => refused({ ...valid(), path_length: 0 }, 400, "PCA.00020001"));
  it("fail/path_length out of 0-6 → PCA.00020203", () =>
    refused({ ...valid(), issuer_id: root, type: "INTERMEDIATE_CA", path_length: 7 }, 400, "PCA.00020203"));
  it("fail/INTERMEDIATE_CA under a CA whose path length is 0 → PCA.00020203", () =>
    refused({ ...valid(), type: "INTERMEDIATE_CA" }, 400, "PCA.00020203"));
  it("fail/unknown type, unknown field, missing field", async () => {
    await refused({ ...valid(), type: "ROOT_CA" }, 400, "PCA.00020001");
    await refused({ ...valid(), extra: 1 }, 400, "PCA.00020001");
    const { csr: _c, ...noCsr } = valid();
    await refused(noCsr, 400, "PCA.00020001");
    const { validity: _v, ...noValidity } = valid();
    await refused(noValidity, 400, "PCA.00020109");
  });
  it("fail/body is not JSON", async () => {
    const { sdkSign, send } = await import("../testing/sdk-client");
    const signed = sdkSign(emu, { method: "POST", path: CSR_PATH, data: { a: 1 } });
    // Sign the exact bytes the test sends: the SDK hashes JSON.stringify(data), so sign a string body.
    const raw = sdkSign(emu, {
      method: "POST",
      path: CSR_PATH,
      headers: { "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD" },
    });
    expect(signed.url).toBe(raw.url);
    const res = await send({ ...raw, body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error_code: "PCA.00020001" });
  });
});
