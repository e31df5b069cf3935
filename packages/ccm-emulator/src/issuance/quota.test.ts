import { CreateCertificateByCsrRequestSchema } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { seedDatabase } from "../pki/seed";
import { SignerCache } from "../pki/signers";
import { openDb } from "../state/db";
import { fixture } from "../testing/fixtures";
import { CERTIFICATE_QUOTA, createCertificateByCsr } from "./create-certificate-by-csr";

describe("private-certificate quota", () => {
  it("fail/the 100 001st certificate is refused (PCA.00020001, quota)", async () => {
    const db = openDb(":memory:");
    const now = Date.now();
    await seedDatabase(db, now);
    const { ca_id: issuer } = db
      .prepare("SELECT ca_id FROM cas WHERE common_name = 'Example Corp Issuing CA G1'")
      .get() as {
      ca_id: string;
    };
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO certificates (certificate_id, status, issuer_id, key_algorithm, signature_algorithm, gen_mode,
         serial_number, create_time, not_before, not_after, certificate_pem)
       SELECT printf('%08x-0000-4000-8000-000000000000', i), 'ISSUED', ?, 'EC256', 'SHA384', 'CSR', 'aa', 0, 0, 0, ''
       FROM n`,
    ).run(CERTIFICATE_QUOTA - 1, issuer);
    const body = CreateCertificateByCsrRequestSchema.parse({
      issuer_id: issuer,
      csr: fixture("ec-p384-vpn.pem"),
      validity: { type: "DAY", value: 1 },
    });
    const ctx = { db, signers: new SignerCache(), now };
    expect((await createCertificateByCsr(body, ctx)).ok).toBe(true);
    const refused = await createCertificateByCsr(body, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: "QUOTA_EXCEEDED" } });
    // An INTERMEDIATE_CA does not use the certificate quota.
    const root = db.prepare("SELECT ca_id FROM cas WHERE type = 'ROOT'").get() as { ca_id: string };
    const ca = await createCertificateByCsr({ ...body, issuer_id: root.ca_id, type: "INTERMEDIATE_CA" }, ctx);
    expect(ca.ok).toBe(true);
    db.close();
  });
});
