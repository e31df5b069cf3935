// Drives `pnpm emulator` with the official Huawei Cloud SDK signer (AKSKSigner from
// @huaweicloud/huaweicloud-sdk-core 3.1.211): lists the CAs, then issues a certificate from a CSR.
// Run from packages/ccm-emulator (where the SDK is a devDependency):
//   CCM_ENDPOINT=http://127.0.0.1:8790 HUAWEICLOUD_SDK_AK=… HUAWEICLOUD_SDK_SK=… \
//   HUAWEICLOUD_SDK_DOMAIN_ID=… node examples/sdk-signer.mjs [csr.pem]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const { AKSKSigner } = createRequire(import.meta.url)("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");
const endpoint = process.env.CCM_ENDPOINT ?? "http://127.0.0.1:8790";
const credential = {
  getAk: () => process.env.HUAWEICLOUD_SDK_AK,
  getSk: () => process.env.HUAWEICLOUD_SDK_SK,
};

async function call(method, path, { query = {}, data } = {}) {
  const headers = AKSKSigner.sign(
    {
      endpoint: endpoint + path,
      method,
      queryParams: query,
      data,
      headers: { "content-type": "application/json", "X-Domain-Id": process.env.HUAWEICLOUD_SDK_DOMAIN_ID },
    },
    credential,
  );
  delete headers.host; // fetch sends the same Host itself
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await fetch(`${endpoint}${path}${qs ? `?${qs}` : ""}`, {
    method,
    headers,
    body: data === undefined ? undefined : JSON.stringify(data),
  });
  const body = await res.json();
  console.log(method, path, res.status, res.headers.get("x-request-id"));
  return body;
}

const list = await call("GET", "/v1/private-certificate-authorities", {
  query: { limit: 10, status: "ACTIVED" },
});
for (const ca of list.certificate_authorities)
  console.log(" ", ca.ca_id, ca.type, ca.key_algorithm, ca.distinguished_name.common_name);
const issuer = list.certificate_authorities.find((ca) => ca.type === "SUBORDINATE");
// Default: one of the repository's fixture CSRs.
const csr = readFileSync(
  process.argv[2] ?? new URL("../../../fixtures/csr/ec-p256-mail-tls.pem", import.meta.url),
  "utf8",
);
const created = await call("POST", "/v1/private-certificates/csr", {
  data: { issuer_id: issuer.ca_id, csr, validity: { type: "YEAR", value: 1 }, type: "ENTITY_CERT" },
});
console.log(" ", created);
const exported = await call("POST", `/v1/private-certificates/${created.certificate_id}/export`, {
  data: { is_compressed: "false", type: "OTHER" },
});
console.log(exported.certificate.replace(/\r\n/g, "\n"));
