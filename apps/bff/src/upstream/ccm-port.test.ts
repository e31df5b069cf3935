import { CCM_OPERATION_NAMES, ccmMethodName } from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCsr } from "../issuance/testing/make-csr";
import { metricsRegistry } from "../observability/metrics";
import { createUpstream } from "./create-upstream";

let upstream: Awaited<ReturnType<typeof createUpstream>>;
let certificateId: string;

beforeAll(async () => {
  upstream = await createUpstream({ DATA_DIR: "unused" }, { emulatorDatabase: ":memory:", timeoutMs: 2000 });
  const issuer = upstream.emulator?.seeded?.issuingCaId ?? "";
  const created = await upstream.ccm.createCertificateByCsr({
    issuer_id: issuer,
    csr: makeCsr().pem,
    validity: { type: "DAY", value: 1 },
  });
  if (!created.ok) throw new Error(created.error.message);
  certificateId = created.value.certificate_id;
});
afterAll(() => upstream.close());

describe("the CCM port", () => {
  it("ok/one method per operation of the table", () => {
    const methods = Object.keys(upstream.ccm).sort();
    expect(methods).toEqual(CCM_OPERATION_NAMES.map(ccmMethodName).sort());
  });

  it("ok/an answer carries CCM's request id", async () => {
    const shown = await upstream.ccm.showCertificate(certificateId);
    expect(shown).toMatchObject({ ok: true, value: { certificate_id: certificateId, status: "ISSUED" } });
    expect(shown.ok && shown.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("ok/ExportCertificate answers its JSON; a zip is UPSTREAM_BAD_RESPONSE", async () => {
    const json = await upstream.ccm.exportCertificate(certificateId, {
      is_compressed: "false",
      type: "OTHER",
    });
    expect(json.ok && Object.keys(json.value).sort()).toEqual(["certificate", "certificate_chain"]);
    const zip = await upstream.ccm.exportCertificate(certificateId, { is_compressed: true, type: "APACHE" });
    expect(zip).toMatchObject({
      ok: false,
      error: {
        code: "UPSTREAM_BAD_RESPONSE",
        upstream: { request_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
    });
  });

  it("fail/a failure is mapped to the operation's code and counted under the operation's name", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const shown = await upstream.ccm.showCertificateAuthority(missing);
    expect(shown).toMatchObject({
      ok: false,
      error: { code: "CA_NOT_FOUND", upstream: { status: 400, error_code: "PCA.10010002" } },
    });
    const metrics = await metricsRegistry.metrics();
    expect(metrics).toMatch(
      /pca_upstream_errors_total\{operation="ShowCertificateAuthority",code="CA_NOT_FOUND"\} [1-9]/,
    );
  });
});
