import { type APIRequestContext, expect } from "@playwright/test";
import type { Role } from "./accounts";

/** Signs in through the JSON API (the request context keeps the cookie); returns the CSRF token. */
export async function apiSignIn(
  request: APIRequestContext,
  account: { username: string; password: string },
): Promise<string> {
  const response = await request.post("/api/session", { data: account });
  expect(response.status(), await response.text()).toBe(200);
  const body: unknown = await response.json();
  return csrfFrom(body);
}

/** The CSRF token of the session the request context (or the page's context) already carries. */
export async function currentCsrf(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/session");
  expect(response.status()).toBe(200);
  return csrfFrom(await response.json());
}

/** An admin creates a user with the given role; 201 expected on a fresh data directory. */
export async function createUser(
  request: APIRequestContext,
  csrf: string,
  user: { username: string; password: string; role: Role },
): Promise<void> {
  const response = await request.post("/api/users", { data: user, headers: { "X-CSRF-Token": csrf } });
  expect(response.ok(), await response.text()).toBe(true);
}

function csrfFrom(body: unknown): string {
  if (
    typeof body === "object" &&
    body !== null &&
    "csrfToken" in body &&
    typeof body.csrfToken === "string"
  ) {
    return body.csrfToken;
  }
  throw new Error("the session answer has no csrfToken");
}

/** The id of the first CA the API lists with this status (the emulator seeds one of each). */
export async function caIdWithStatus(
  request: APIRequestContext,
  status: string,
  name?: string,
): Promise<string> {
  const response = await request.get(`/api/cas?status=${status}&limit=50`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    certificate_authorities: { ca_id: string; distinguished_name?: { common_name?: string } | null }[];
  };
  const ca = body.certificate_authorities.find((c) => !name || c.distinguished_name?.common_name === name);
  if (!ca) throw new Error(`no ${status} CA${name ? ` named ${name}` : ""}`);
  return ca.ca_id;
}

/** Issues an ENTITY_CERT through the API (for pages that need one to exist); returns its id. */
export async function issueThroughApi(
  request: APIRequestContext,
  csrf: string,
  body: { issuer_id: string; csr: string },
): Promise<string> {
  const response = await request.post("/api/certificates", {
    headers: {
      "X-CSRF-Token": csrf,
      "Idempotency-Key": `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
    data: { ...body, validity: { type: "MONTH", value: 3 }, type: "ENTITY_CERT" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const answer = (await response.json()) as { certificate_id: string };
  return answer.certificate_id;
}
