import {
  ApiErrorBodySchema,
  AuditChainStatusSchema,
  AuditEventSchema,
  AuditListResponseSchema,
} from "@pca/contracts";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ApiClient } from "../http/testing/client";
import { signedIn } from "../http/testing/sign-in";
import { startTestApp, type TestApp } from "../http/testing/test-app";
import { testEngines } from "../storage/testing/test-storage";

const code = (json: unknown) => ApiErrorBodySchema.parse(json).error.code;

describe.each(testEngines())("audit routes on %s", (engine) => {
  let app: TestApp;
  let admin: ApiClient;
  beforeEach(async () => {
    app = await startTestApp(engine);
    admin = await signedIn(app, "root", "admin");
    for (let i = 0; i < 5; i++) {
      app.clock.advance(1000);
      await app.deps.audit.append({
        actor: i % 2 ? "=cmd|' /C calc'!A0" : "alice",
        role: "issuer",
        action: "certificate.issue.requested",
        target: `+target-${i}`,
        outcome: i === 4 ? "failure" : "success",
        requestId: `req-${i}`,
        details: { note: '@SUM(1+1)"quoted"' },
      });
    }
  });
  afterEach(() => app.close());

  it("ok/lists newest first with filters and paging", async () => {
    const all = AuditListResponseSchema.parse((await admin.request("GET", "/api/audit")).json);
    expect(all.total).toBe(6);
    expect(all.events[0]?.seq).toBe(6);
    const page = AuditListResponseSchema.parse(
      (await admin.request("GET", "/api/audit?actor=alice&limit=2&offset=1")).json,
    );
    expect(page).toMatchObject({ total: 3 });
    expect(page.events.map((e) => e.target)).toEqual(["+target-2", "+target-0"]);
    const failures = AuditListResponseSchema.parse(
      (await admin.request("GET", "/api/audit?outcome=failure")).json,
    );
    expect(failures.events.map((e) => e.action)).toEqual(["certificate.issue.requested"]);
    const bad = await admin.request("GET", "/api/audit?limit=5000");
    expect(code(bad.json)).toBe("VALIDATION_FAILED");
    const unknown = await admin.request("GET", "/api/audit?colour=red");
    expect(code(unknown.json)).toBe("VALIDATION_FAILED");
  });

  it("ok/CSV export is a download, safe against formula injection, and audited", async () => {
    const res = await admin.request("GET", "/api/audit.csv?action=certificate.issue.requested");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="pca-audit-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const lines = res.text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('"seq","time","timeUtc","actor"');
    expect(res.text).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(res.text).toContain(`"'+target-1"`);
    expect(res.text).toContain('"{""note"":""@SUM(1+1)');
    expect(res.text).not.toMatch(/(^|,)"[=+@-]/m);
    const exported = await app.deps.audit.query({ action: "audit.export" });
    expect(exported.events[0]).toMatchObject({ actor: "root", details: { format: "csv" } });
  });

  it("ok/JSON export holds the events oldest first, with the hashes to check", async () => {
    const res = await admin.request("GET", "/api/audit.json?actor=alice");
    expect(res.headers.get("content-disposition")).toContain(".json");
    const events = z.array(AuditEventSchema).parse(res.json);
    expect(events.map((e) => e.seq)).toEqual([2, 4, 6]);
  });

  it("ok/verify reports a valid chain, then names a tampered event", async () => {
    const ok = AuditChainStatusSchema.parse((await admin.request("GET", "/api/audit/verify")).json);
    expect(ok).toEqual({ ok: true, checked: 6, firstBrokenSeq: null, reason: null });
    if (engine === "postgres")
      await sql`drop trigger audit_events_no_change on audit_events`.execute(app.storage.kysely);
    else await sql`drop trigger audit_events_no_update`.execute(app.storage.kysely);
    await app.storage.kysely
      .updateTable("audit_events")
      .set({ outcome: "success" })
      .where("seq", "=", 6)
      .execute();
    const broken = AuditChainStatusSchema.parse((await admin.request("GET", "/api/audit/verify")).json);
    expect(broken).toMatchObject({ ok: false, checked: 5, firstBrokenSeq: 6 });
  });

  it("fail/only admins read the audit log", async () => {
    const issuer = await signedIn(app, "ivy", "issuer");
    for (const path of ["/api/audit", "/api/audit.csv", "/api/audit.json", "/api/audit/verify"]) {
      const res = await issuer.request("GET", path);
      expect(res.status).toBe(403);
    }
  });

  it("fail/an export is refused when the audit log cannot record it", async () => {
    await sql`drop table audit_head`.execute(app.storage.kysely);
    const res = await admin.request("GET", "/api/audit.csv");
    expect(res.status).toBe(503);
    expect(code(res.json)).toBe("AUDIT_UNAVAILABLE");
  });
});
