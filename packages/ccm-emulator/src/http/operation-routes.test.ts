import { type CcmResult, createCcmClient } from "@pca/ccm-client";
import {
  CCM_OPERATION_NAMES,
  CCM_OPERATIONS,
  type CcmInput,
  type CcmOperationName,
  type CcmOperationSpec,
} from "@pca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, type SeededCas, startEmulator } from "../emulator";
import { fixture } from "../testing/fixtures";
import { sdkSign, send } from "../testing/sdk-client";
import { expressPath, operationRoutes } from "./operation-routes";
import type { OperationHandlers } from "./route";

let emu: RunningEmulator;
let ids: SeededCas;
let client: ReturnType<typeof createCcmClient>;
let certificateId: string;

beforeAll(async () => {
  emu = await startEmulator();
  if (!emu.seeded) throw new Error("not seeded");
  ids = emu.seeded;
  client = createCcmClient({ endpoint: { url: emu.url }, credentials: { kind: "aksk", ...emu.credentials } });
  const created = await client.createCertificateByCsr({
    issuer_id: ids.issuingCaId,
    csr: fixture("ec-p256-mail-tls.pem"),
    validity: { type: "DAY", value: 1 },
  });
  if (!created.ok) throw new Error(created.error.message);
  certificateId = created.value.certificate_id;
});
afterAll(async () => {
  await client.close();
  await emu.close();
});

/** A valid input for every operation of the table: a new entry needs its row here. */
const validInput: { readonly [N in CcmOperationName]: () => CcmInput<N> } = {
  ListCertificateAuthority: () => ({ query: { limit: 2, type: "SUBORDINATE" } }),
  ShowCertificateAuthority: () => ({ params: { ca_id: ids.rootCaId } }),
  ExportCertificateAuthorityCsr: () => ({ params: { ca_id: ids.partnerCaId } }),
  ExportCertificateAuthorityCertificate: () => ({ params: { ca_id: ids.issuingCaId } }),
  CreateCertificateByCsr: () => ({
    body: {
      issuer_id: ids.issuingCaId,
      csr: fixture("ec-p256-mail-tls.pem"),
      validity: { type: "DAY", value: 1 },
    },
  }),
  ListCertificate: () => ({ query: { status: "ISSUED" } }),
  ShowCertificate: () => ({ params: { certificate_id: certificateId } }),
  ExportCertificate: () => ({
    params: { certificate_id: certificateId },
    body: { is_compressed: "false", type: "OTHER" },
  }),
  ShowCertificateAuthorityQuota: () => ({}),
  ShowCertificateQuota: () => ({}),
};

describe("the routes of CCM_OPERATIONS", () => {
  it.each(CCM_OPERATION_NAMES)("ok/%s answers what its entry's response schema takes", async (name) => {
    // The typed client checks the answer with the entry's response schema.
    const call = client.call as (n: CcmOperationName, input: unknown) => Promise<CcmResult<unknown>>;
    const result = await call(name, validInput[name]());
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
  });

  it("ok/one route per entry, with the entry's method and path, the parameterless ones first", () => {
    const handlers = Object.fromEntries(
      CCM_OPERATION_NAMES.map((name) => [name, () => ({ status: 200, json: {} })]),
    ) as unknown as OperationHandlers;
    const routes = operationRoutes(handlers);
    const specs: CcmOperationSpec[] = Object.values(CCM_OPERATIONS);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      specs.map((s) => `${s.method} ${expressPath(s.path)}`).sort(),
    );
    const position = (path: string) => routes.findIndex((r) => r.path === path);
    expect(position("/v1/private-certificates/quotas")).toBeLessThan(
      position("/v1/private-certificates/:certificate_id"),
    );
    expect(expressPath("/v1/a/{ca_id}/b/{x}")).toBe("/v1/a/:ca_id/b/:x");
  });

  it("fail/the input is checked in order: path id, then body, then the handler's lookup", async () => {
    const answer = async (id: string, data: object) => {
      const res = await send(
        sdkSign(emu, { method: "POST", path: `/v1/private-certificates/${id}/export`, data }),
      );
      return [res.status, (res.json as { error_code: string }).error_code];
    };
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await answer("not-an-id", { type: "PKCS12" })).toEqual([400, "PCA.00020201"]);
    expect(await answer(unknown, { type: "PKCS12" })).toEqual([400, "PCA.00020001"]);
    expect(await answer(unknown, { is_compressed: "false", type: "OTHER" })).toEqual([400, "PCA.10010002"]);
  });
});
