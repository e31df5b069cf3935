import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../emulator";
import { fixture } from "../testing/fixtures";
import { sdkCall } from "../testing/sdk-client";
import { openDb } from "./db";

const dir = mkdtempSync(join(tmpdir(), "ccm-emulator-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite state", () => {
  it("ok/a file database survives a restart and is seeded once", async () => {
    const database = join(dir, "nested", "emulator.sqlite");
    const first = await startEmulator({ database });
    const data = {
      issuer_id: first.seeded?.issuingCaId,
      csr: fixture("ec-p384-vpn.pem"),
      validity: { type: "DAY", value: 1 },
    };
    const created = await sdkCall(first, { method: "POST", path: "/v1/private-certificates/csr", data });
    const id = (created.json as { certificate_id: string }).certificate_id;
    await first.close();

    const second = await startEmulator({ database });
    expect(second.seeded).toEqual(first.seeded);
    const shown = await sdkCall(second, { method: "GET", path: `/v1/private-certificates/${id}` });
    expect(shown.status).toBe(200);
    const cas = await sdkCall(second, { method: "GET", path: "/v1/private-certificate-authorities" });
    expect(cas.json).toMatchObject({ total: 4 });
    await second.close();

    const db = openDb(database);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("ok/seed: false starts empty", async () => {
    const emu = await startEmulator({ seed: false });
    expect(emu.seeded).toBeUndefined();
    const cas = await sdkCall(emu, { method: "GET", path: "/v1/private-certificate-authorities" });
    expect(cas.json).toEqual({ total: 0, certificate_authorities: [] });
    await emu.close();
  });
});
