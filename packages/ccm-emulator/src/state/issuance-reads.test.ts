import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSerial } from "../pki/algorithms";
import { SEED, seedDatabase } from "../pki/seed";
import { SignerCache } from "../pki/signers";
import { type CaRow, getCa, getIssuer } from "./cas";
import { countCertificates, hasAtLeastCertificates, insertCertificate } from "./certificates";
import { type Db, openDb } from "./db";

let db: Db;
const now = Date.now();
const idOf = (cn: string | null) =>
  (db.prepare("SELECT ca_id FROM cas WHERE common_name = ?").get(cn) as { ca_id: string }).ca_id;

beforeAll(async () => {
  db = openDb(":memory:");
  await seedDatabase(db, now);
});
afterAll(() => db.close());

const certificate = (id: string, issuer: string) => ({
  certificate_id: id,
  status: "ISSUED" as const,
  issuer_id: issuer,
  key_algorithm: "EC256",
  signature_algorithm: "SHA384",
  gen_mode: "CSR" as const,
  serial_number: "40",
  create_time: now,
  delete_time: null,
  not_before: now,
  not_after: now + 1000,
  common_name: "a.example.com",
  country: null,
  state: null,
  locality: null,
  organization: null,
  organizational_unit: "unit",
  certificate_pem: "pem",
  enterprise_project_id: "0",
});

describe("getIssuer", () => {
  it("ok/agrees with getCa on what issuance reads, for every seeded CA", () => {
    for (const spec of Object.values(SEED)) {
      const id = idOf(spec.dn.common_name);
      for (const at of [now, now + 30 * 365 * 86_400_000]) {
        const full = getCa(db, id, at) as CaRow & { effective_status: string };
        expect(getIssuer(db, id, at)).toEqual({
          ca_id: full.ca_id,
          effective_status: full.effective_status,
          path_length: full.path_length,
          not_after: full.not_after,
          can_sign: full.private_key_pkcs8 !== null && full.certificate_pem !== null ? 1 : 0,
        });
      }
    }
  });

  it("ok/an ACTIVED CA past its notAfter reads EXPIRED; an unknown id reads undefined", () => {
    const issuing = idOf(SEED.issuing.dn.common_name);
    expect(getIssuer(db, issuing, now)?.effective_status).toBe("ACTIVED");
    expect(getIssuer(db, issuing, now + 11 * 365 * 86_400_000)?.effective_status).toBe("EXPIRED");
    expect(getIssuer(db, "00000000-0000-4000-8000-000000000000", now)).toBeUndefined();
    // The PENDING CA has a key but no certificate: it cannot sign.
    expect(getIssuer(db, idOf(SEED.partner.dn.common_name), now)?.can_sign).toBe(0);
  });
});

describe("SignerCache.forCa", () => {
  it("ok/loads the row once, then answers from the cache", () => {
    const cache = new SignerCache();
    const id = idOf(SEED.issuing.dn.common_name);
    let loads = 0;
    const load = () => {
      loads += 1;
      return getCa(db, id, now);
    };
    const first = cache.forCa(id, load);
    expect(first?.keyAlgorithm).toBe("EC256");
    expect(cache.forCa(id, load)).toBe(first);
    expect(loads).toBe(1);
  });

  it("fail/no signer for a CA without a certificate or without a row", () => {
    const cache = new SignerCache();
    expect(
      cache.forCa(idOf(SEED.partner.dn.common_name), () => getCa(db, idOf(SEED.partner.dn.common_name), now)),
    ).toBeUndefined();
    expect(cache.forCa("missing", () => undefined)).toBeUndefined();
  });
});

describe("hasAtLeastCertificates", () => {
  it("ok/matches count(*) >= n as rows are added", () => {
    const issuer = idOf(SEED.issuing.dn.common_name);
    const check = () => {
      const count = countCertificates(db);
      for (const n of [0, 1, count - 1, count, count + 1, 100_000]) {
        expect(hasAtLeastCertificates(db, n), `n=${n}, count=${count}`).toBe(count >= n);
      }
    };
    check();
    for (let i = 0; i < 3; i++) {
      insertCertificate(db, certificate(`00000000-0000-4000-8000-00000000000${i}`, issuer));
      check();
    }
  });

  it("ok/rowids the emulator did not choose (gaps, zero, negatives) fall back to counting", () => {
    const other = openDb(":memory:");
    other.exec("PRAGMA foreign_keys = OFF");
    const insertAt = (rowid: number, id: string) =>
      other
        .prepare(
          `INSERT INTO certificates (rowid, certificate_id, status, issuer_id, key_algorithm, signature_algorithm,
             gen_mode, serial_number, create_time, not_before, not_after, certificate_pem)
           VALUES (?, ?, 'ISSUED', 'ca', 'EC256', 'SHA384', 'CSR', '40', 0, 0, 0, '')`,
        )
        .run(rowid, id);
    insertAt(500, "a");
    expect(hasAtLeastCertificates(other, 2)).toBe(false);
    insertAt(-7, "b");
    insertAt(0, "c");
    // Three rows whose largest rowid is 500: the bound alone would say "fewer than 3" wrongly for n=3.
    expect([2, 3, 4].map((n) => hasAtLeastCertificates(other, n))).toEqual([true, true, false]);
    other.close();
  });
});

describe("randomSerial", () => {
  it("ok/16 bytes, positive, with the top bit clear and the next set, never repeated", () => {
    const serials = Array.from({ length: 1000 }, () => randomSerial());
    for (const s of serials) {
      expect(s).toMatch(/^[4-7][0-9a-f]{31}$/);
    }
    expect(new Set(serials).size).toBe(serials.length);
  });
});
