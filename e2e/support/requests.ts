import type { Page, Request } from "@playwright/test";

/** Records every request the page sends that matches, so a test can show that none was sent. */
export function recordRequests(page: Page, matches: (request: Request) => boolean): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (matches(request)) seen.push(request);
  });
  return seen;
}

/** A POST to the issuance route: the one request a refused form must never send. */
export const isIssuance = (request: Request): boolean =>
  request.method() === "POST" && new URL(request.url()).pathname === "/api/certificates";
