import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../testing/fixtures";
import { runCli } from "./run";

const REPO = resolve(import.meta.dirname, "../../../..");

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
    env: { INIT_CWD: FIXTURES_DIR },
    cwd: "/nonexistent",
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

describe("csr inspect", () => {
  it("ok/--json prints the fields the issue names, exit 0", async () => {
    const { status, stdout } = await run("inspect", "--json", "csr/ec-p256-mail-tls.pem");
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    for (const field of ["subject", "subjectAltNames", "publicKey", "signatureAlgorithm", "signatureValid"]) {
      expect(out).toHaveProperty(field);
    }
    for (const field of ["extensions", "fingerprints", "lint"]) expect(out).toHaveProperty(field);
    expect(out.subjectAltNames[0]).toEqual({ type: "DNS", value: "mail.example.com" });
    expect(out.publicKey).toMatchObject({ algorithm: "EC", size: 256, curve: "P-256" });
    expect(out.signatureValid).toBe(true);
  });

  it("ok/a CSR with lint errors is still understood: exit 0", async () => {
    const { status, stdout } = await run("inspect", "--json", "bad/bad-signature-rsa.pem");
    expect(status).toBe(0);
    expect(JSON.parse(stdout).lint[0]).toMatchObject({ id: "signature-invalid", severity: "error" });
  });

  it("ok/readable output names the subject, key and findings", async () => {
    const { status, stdout } = await run("inspect", "csr/rsa1024-weak.pem");
    expect(status).toBe(0);
    expect(stdout).toContain("CN=old-printer.example.com,O=Example Devices");
    expect(stdout).toContain("RSA 1024 bits");
    expect(stdout).toContain("rsa-key-too-small");
  });

  it("fail/refused input: exit 2 and the error envelope on stdout with --json", async () => {
    const { status, stdout } = await run("inspect", "--json", "bad/two-csrs.pem");
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: { code: "CSR_MULTIPLE_BLOCKS", message: expect.any(String) },
    });
  });

  it("fail/refused input without --json: exit 2, message on stderr", async () => {
    const { status, stdout, stderr } = await run("inspect", "bad/not-pem.txt");
    expect([status, stdout]).toEqual([2, ""]);
    expect(stderr).toContain("CSR_NOT_PEM");
  });

  it.each([[[]], [["inspect"]], [["inspect", "a", "b"]], [["inspect", "--yaml", "a"]], [["sign", "a"]]])(
    "fail/wrong usage %j: exit 1",
    async (args) => {
      const { status, stderr } = await run(...args);
      expect(status).toBe(1);
      expect(stderr).toContain("usage:");
    },
  );

  it("fail/a missing file: exit 1", async () => {
    const { status, stderr } = await run("inspect", "csr/nope.pem");
    expect(status).toBe(1);
    expect(stderr).toContain("ENOENT");
  });
});

describe("csr wire", () => {
  it("ok/prints the CRLF wire string as JSON", async () => {
    const { status, stdout } = await run("wire", "csr-forms/rsa2048-shop.json-escaped-lf.txt");
    expect(status).toBe(0);
    const wire: string = JSON.parse(stdout);
    expect(wire.length).toBe(1136);
    expect(wire.endsWith("-----END CERTIFICATE REQUEST-----")).toBe(true);
  });

  it("fail/too long for CCM: exit 2 with CSR_TOO_LONG", async () => {
    const { status, stdout } = await run("wire", "csr/many-sans-oversize.pem");
    expect(status).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe("CSR_TOO_LONG");
  });
});

describe("the real command", () => {
  const spawn = (cmd: string, args: string[]) =>
    spawnSync(cmd, args, {
      cwd: REPO,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, INIT_CWD: "" },
    });

  it("ok/`pnpm csr inspect --json fixtures/...` from the repository root", () => {
    const r = spawn("pnpm", ["csr", "inspect", "--json", "fixtures/csr/rsa2048-shop.pem"]);
    expect(r.status).toBe(0);
    // `pnpm run` prints its banner on stdout; `pnpm -s csr` does not. The JSON is the rest.
    const json = JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
    expect(json.subject).toBe("CN=shop.example.com,O=Example Shop Inc.,L=San Francisco,ST=California,C=US");
    expect(json.lint).toEqual([]);
  });

  it("fail/the package bin exits 2 on a refused input", () => {
    const r = spawn("node", ["packages/pki/bin/csr.mjs", "inspect", "--json", "-"]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe("CSR_EMPTY");
  });
});
