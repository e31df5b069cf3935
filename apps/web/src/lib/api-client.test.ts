import { SessionInfoSchema } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { createMockApi } from "../testing/mock-api";
import { ApiError, apiRequest, setCsrfToken, setFetcher, toQueryString } from "./api-client";

describe("apiRequest", () => {
  it("ok/parses the answer with the contract and sends the CSRF token only on state changes", async () => {
    const api = createMockApi({
      "GET /api/session": () => ({
        body: {
          user: { username: "a", role: "viewer" },
          csrfToken: "t",
          idleExpiresAt: 1,
          absoluteExpiresAt: 2,
        },
      }),
      "DELETE /api/session": () => ({ status: 204 }),
    });
    setFetcher(api.fetcher);
    setCsrfToken("token-1");
    const session = await apiRequest({ path: "/api/session", schema: SessionInfoSchema });
    expect(session.user.role).toBe("viewer");
    await apiRequest({ method: "DELETE", path: "/api/session", schema: SessionInfoSchema.optional() });
    expect(api.calls[0]?.headers.get("X-CSRF-Token")).toBeNull();
    expect(api.calls[1]?.headers.get("X-CSRF-Token")).toBe("token-1");
  });

  it("fail/turns the error envelope into an ApiError with CCM's upstream error", async () => {
    setFetcher(async () =>
      Response.json(
        {
          error: {
            code: "UPSTREAM_REJECTED",
            message: "CCM refused",
            upstream: {
              status: 400,
              error_code: "PCA.10010002",
              error_msg: "Invalid CSR",
              request_id: "r-1",
            },
          },
        },
        { status: 502 },
      ),
    );
    const error = await apiRequest({ path: "/api/session", schema: SessionInfoSchema }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 502,
      code: "UPSTREAM_REJECTED",
      upstream: { error_code: "PCA.10010002" },
    });
  });

  it("fail/an answer of another shape is BAD_RESPONSE, never trusted", async () => {
    setFetcher(async () => Response.json({ hello: "world" }));
    await expect(apiRequest({ path: "/api/session", schema: SessionInfoSchema })).rejects.toMatchObject({
      code: "BAD_RESPONSE",
    });
    setFetcher(async () => new Response("<html>proxy error</html>", { status: 502 }));
    await expect(apiRequest({ path: "/api/session", schema: SessionInfoSchema })).rejects.toMatchObject({
      code: "BAD_RESPONSE",
      status: 502,
    });
  });

  it("fail/a network failure is NETWORK_ERROR", async () => {
    setFetcher(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(apiRequest({ path: "/api/session", schema: SessionInfoSchema })).rejects.toMatchObject({
      code: "NETWORK_ERROR",
      status: 0,
    });
  });
});

describe("toQueryString", () => {
  it("keeps defined values in order and drops empty ones", () => {
    expect(toQueryString({ limit: 20, name: "", status: "ACTIVED", offset: undefined, x: null })).toBe(
      "limit=20&status=ACTIVED",
    );
  });
});
