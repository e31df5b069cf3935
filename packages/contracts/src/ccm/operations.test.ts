import { describe, expect, expectTypeOf, it } from "vitest";
import type { CaListQuery } from "./certificate-authority";
import type { CreateCertificateByCsrRequest } from "./create-certificate-by-csr";
import {
  CCM_OPERATION_NAMES,
  CCM_OPERATIONS,
  type CcmArgs,
  type CcmInput,
  type CcmOperationSpec,
  type CcmResponse,
  ccmInputFromArgs,
  ccmMethodName,
  ccmPath,
  parseCcmInput,
  pathParamNames,
} from "./operations";

const CA_ID = "4c0e772e-a30c-4029-b929-b7acb04143f7";
const entries: readonly CcmOperationSpec[] = Object.values(CCM_OPERATIONS);

/** The object schema's keys, or none. */
const keysOf = (schema: CcmOperationSpec["params"]): string[] =>
  schema && "shape" in schema ? Object.keys(schema.shape as object) : [];

describe("the CCM operation table", () => {
  it("ok/each entry is keyed by its own name", () => {
    for (const [key, entry] of Object.entries(CCM_OPERATIONS)) expect(entry.name).toBe(key);
    expect(CCM_OPERATION_NAMES).toEqual(Object.keys(CCM_OPERATIONS));
  });

  it.each(entries.map((e) => [e.name, e] as const))(
    "ok/%s: its parameter schema names the path's parameters",
    (_n, e) => {
      expect(keysOf(e.params)).toEqual(pathParamNames(e.path));
      expect(e.path).toMatch(/^\/v1\//);
    },
  );

  it("ok/a GET never changes state, and only issuance does today", () => {
    expect(entries.filter((e) => e.method === "GET" && e.mutates)).toEqual([]);
    expect(entries.filter((e) => e.mutates).map((e) => e.name)).toEqual(["CreateCertificateByCsr"]);
    expect(entries.filter((e) => e.method === "GET" && e.body)).toEqual([]);
  });

  it("ok/method names: the list operations keep their plural, the rest their own name", () => {
    expect(ccmMethodName("ListCertificateAuthority")).toBe("listCertificateAuthorities");
    expect(ccmMethodName("ListCertificate")).toBe("listCertificates");
    expect(ccmMethodName("CreateCertificateByCsr")).toBe("createCertificateByCsr");
    const names = CCM_OPERATION_NAMES.map(ccmMethodName);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("an operation's input", () => {
  it("ok/positional arguments become params, query and body in that order, and fill the path", () => {
    const spec = CCM_OPERATIONS.ExportCertificate;
    const input = ccmInputFromArgs(spec, [CA_ID, { is_compressed: false, type: "nginx" }]);
    expect(input).toEqual({
      params: { certificate_id: CA_ID },
      body: { is_compressed: false, type: "nginx" },
    });
    const checked = parseCcmInput(spec, input);
    expect(checked).toEqual({
      ok: true,
      value: {
        params: { certificate_id: CA_ID },
        query: {},
        body: { is_compressed: "false", type: "NGINX" },
      },
    });
    expect(checked.ok && ccmPath(spec, checked.value.params)).toBe(
      `/v1/private-certificates/${CA_ID}/export`,
    );
    expect(ccmInputFromArgs(CCM_OPERATIONS.ListCertificate, [{ limit: 3 }])).toEqual({ query: { limit: 3 } });
    expect(ccmInputFromArgs(CCM_OPERATIONS.ShowCertificateQuota, [])).toEqual({});
  });

  it("fail/the path parameter is checked first (INVALID_ID), then the query, then the body", () => {
    const bad = { params: { certificate_id: "x" }, body: { type: "OTHER" } };
    expect(parseCcmInput(CCM_OPERATIONS.ExportCertificate, bad)).toMatchObject({
      ok: false,
      error: { code: "INVALID_ID" },
    });
    expect(
      parseCcmInput(CCM_OPERATIONS.ExportCertificate, { ...bad, params: { certificate_id: CA_ID } }),
    ).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(parseCcmInput(CCM_OPERATIONS.ShowCertificateAuthority, {})).toMatchObject({
      ok: false,
      error: { code: "INVALID_ID" },
    });
    expect(parseCcmInput(CCM_OPERATIONS.ListCertificateAuthority, { query: { page: "1" } })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED" },
    });
  });

  it("fail/a body failure takes the entry's field code", () => {
    const body = { issuer_id: CA_ID, csr: "", validity: { type: "DAY", value: 1 } };
    expect(parseCcmInput(CCM_OPERATIONS.CreateCertificateByCsr, { body })).toMatchObject({
      ok: false,
      error: { code: "CSR_EMPTY" },
    });
  });

  it("ok/what the entry does not take is ignored", () => {
    expect(
      parseCcmInput(CCM_OPERATIONS.ShowCertificateQuota, { params: { x: 1 }, query: { y: 2 }, body: "z" }),
    ).toEqual({ ok: true, value: { params: {}, query: {}, body: undefined } });
  });

  it("ok/the input and argument types follow the entry", () => {
    expectTypeOf<CcmArgs<"ShowCertificateAuthority">>().toEqualTypeOf<[id: string]>();
    expectTypeOf<CcmArgs<"ListCertificateAuthority">>().toEqualTypeOf<[query?: CaListQuery]>();
    expectTypeOf<CcmArgs<"CreateCertificateByCsr">>().toEqualTypeOf<[body: CreateCertificateByCsrRequest]>();
    expectTypeOf<CcmArgs<"ShowCertificateQuota">>().toEqualTypeOf<[]>();
    expectTypeOf<CcmInput<"ShowCertificate">["params"]>().toEqualTypeOf<{ certificate_id: string }>();
    expectTypeOf<CcmInput<"ListCertificate">>().not.toHaveProperty("body");
    expectTypeOf<CcmResponse<"CreateCertificateByCsr">>().toEqualTypeOf<{ certificate_id: string }>();
  });
});
