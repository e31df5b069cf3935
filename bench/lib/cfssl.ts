import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitForHttp } from "./process";

/** A running `cfssl serve` with a fresh CA, on loopback. */
export interface CfsslServer {
  readonly url: string;
  readonly signUrl: string;
  readonly version: string;
  /** The `cfssl serve` process, for its RSS and CPU time. */
  readonly pid: number;
  stop(): Promise<void>;
}

/** Installs Debian's golang-cfssl when `cfssl` is missing (needs root or sudo). */
export function ensureCfssl(): void {
  try {
    execFileSync("cfssl", ["version"], { stdio: "ignore" });
    return;
  } catch {
    const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const run = (args: string[]) =>
      execFileSync(sudo[0] ?? args[0] ?? "", sudo.length ? args : args.slice(1), { stdio: "inherit", env });
    console.log("installing Debian's golang-cfssl …");
    run(["apt-get", "update", "-qq"]);
    run(["apt-get", "install", "-y", "-qq", "golang-cfssl"]);
  }
}

/**
 * Makes a fresh CA with `cfssl gencert -initca` (P-256 or RSA-2048) and starts `cfssl serve` on a
 * free loopback port with a signing profile close to what CCM issues (one year, server auth).
 */
export async function startCfssl(keyAlgo: "ecdsa" | "rsa" = "ecdsa"): Promise<CfsslServer> {
  const dir = mkdtempSync(join(tmpdir(), "pca-cfssl-"));
  const caCsr = {
    CN: "Bench Root CA",
    key: keyAlgo === "ecdsa" ? { algo: "ecdsa", size: 256 } : { algo: "rsa", size: 2048 },
    names: [{ C: "US", O: "PCA Console bench" }],
  };
  writeFileSync(join(dir, "ca-csr.json"), JSON.stringify(caCsr));
  const out = JSON.parse(
    execFileSync("cfssl", ["gencert", "-initca", join(dir, "ca-csr.json")], {
      stdio: ["ignore", "pipe", "ignore"],
    }).toString(),
  ) as { cert: string; key: string };
  writeFileSync(join(dir, "ca.pem"), out.cert);
  writeFileSync(join(dir, "ca-key.pem"), out.key, { mode: 0o600 });
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({
      signing: {
        default: { expiry: "8760h", usages: ["digital signature", "key agreement", "server auth"] },
      },
    }),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    "cfssl",
    [
      "serve",
      "-address",
      "127.0.0.1",
      "-port",
      String(port),
      "-ca",
      join(dir, "ca.pem"),
      "-ca-key",
      join(dir, "ca-key.pem"),
      "-config",
      join(dir, "config.json"),
      "-loglevel",
      "5",
    ],
    { stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/api/v1/cfssl/health`, 15_000);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const version =
    execFileSync("cfssl", ["version"]).toString().split("\n")[0]?.replace("Version: ", "") ?? "?";
  return {
    url,
    signUrl: `${url}/api/v1/cfssl/sign`,
    version,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
