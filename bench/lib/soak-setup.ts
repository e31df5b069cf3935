import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { BFF_DIR, buildConsole } from "./console-process";
import { endChild, onStop } from "./lifecycle";
import type { LoadTarget } from "./load";
import { freePort, waitForHttp } from "./process";
import type { CsrPool } from "./soak-csrs";

/** The BFF under soak: its own process (the `pnpm start` bundle, SQLite, in-process emulator). */
export interface SoakBff {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts the BFF like `pnpm bench issue` does: temp DATA_DIR, a fresh admin password, loopback. */
export async function startSoakBff(dataDir: string, adminPassword: string): Promise<SoakBff> {
  const port = await freePort();
  buildConsole();
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: BFF_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      CONSOLE_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: "warn",
      ISSUE_RATE_LIMIT_PER_MINUTE: "100000000",
    },
  });
  const stop = onStop("bff", () => endChild(child, 10_000));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, 60_000);
  return { url, pid: child.pid ?? 0, stop };
}

/** Open file descriptors of a process (sockets, files, pipes), from /proc (Linux). */
export async function openHandlesOf(pid: number): Promise<number> {
  try {
    return (await readdir(`/proc/${pid}/fd`)).length;
  } catch {
    return 0;
  }
}

/** What the traffic needs: tokens, the CAs to read and issue from, issued certificate ids. */
export interface SoakWorld {
  readonly issuer: Record<string, string>;
  readonly admin: Record<string, string>;
  readonly issuerId: string;
  readonly pendingId: string;
  readonly certificateIds: readonly string[];
}

export async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs in as admin, makes an issuer and an admin API token, finds the CAs, issues a few certificates. */
export async function prepareWorld(url: string, password: string, csrs: CsrPool): Promise<SoakWorld> {
  const login = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = await json<{ csrfToken: string }>(login, "sign-in");
  const token = async (role: string) => {
    const res = await fetch(`${url}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "X-CSRF-Token": csrfToken },
      body: JSON.stringify({ name: `soak-${role}-${randomBytes(3).toString("hex")}`, role }),
    });
    return { authorization: `Bearer ${(await json<{ secret: string }>(res, "token")).secret}` };
  };
  const issuer = await token("issuer");
  const admin = await token("admin");
  const { certificate_authorities: cas } = await json<{
    certificate_authorities: { ca_id: string; type: string; status: string }[];
  }>(await fetch(`${url}/api/cas?limit=100`, { headers: issuer }), "CA list");
  const issuerId = cas.find((c) => c.type === "SUBORDINATE" && c.status === "ACTIVED")?.ca_id;
  const pendingId = cas.find((c) => c.status === "PENDING")?.ca_id;
  if (!issuerId || !pendingId) throw new Error("no ACTIVED subordinate or PENDING CA to soak with");
  const certificateIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await fetch(`${url}/api/certificates`, {
      method: "POST",
      headers: { ...issuer, "content-type": "application/json" },
      body: issueBody(issuerId, csrs.take()),
    });
    certificateIds.push((await json<{ certificate_id: string }>(res, "issuance")).certificate_id);
  }
  return { issuer, admin, issuerId, pendingId, certificateIds };
}

const issueBody = (issuerId: string, csr: string) =>
  JSON.stringify({ issuer_id: issuerId, csr, validity: { type: "DAY", value: 30 } });

/**
 * The soak's request mix: 20% issuance (a fresh CSR and Idempotency-Key each), 80% reads spread
 * over the read routes (CA list, detail, certificate and PENDING CSR export, certificate list,
 * detail and PEM, who-am-I, the audit log, readiness). Counts the issuance requests it built.
 */
export function soakTarget(url: string, world: SoakWorld, csrs: CsrPool) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
  const reads: (() => string)[] = [
    () => "/api/cas?limit=10",
    () => `/api/cas/${world.issuerId}`,
    () => `/api/cas/${world.issuerId}/certificate`,
    () => `/api/cas/${world.pendingId}/csr`,
    () => "/api/certificates?limit=10",
    () => `/api/certificates/${pick(world.certificateIds)}`,
    () => `/api/certificates/${pick(world.certificateIds)}/pem`,
    () => "/api/session",
    () => "/readyz",
  ];
  const counts = { issuances: 0, reads: 0, auditReads: 0 };
  const target: LoadTarget = {
    url,
    method: "GET",
    next: () => {
      const roll = Math.random();
      if (roll < 0.2) {
        counts.issuances += 1;
        return {
          method: "POST",
          path: "/api/certificates",
          body: issueBody(world.issuerId, csrs.take()),
          headers: {
            ...world.issuer,
            "content-type": "application/json",
            "Idempotency-Key": `soak-${randomUUID()}`,
          },
        };
      }
      if (roll < 0.25) {
        counts.auditReads += 1;
        return { method: "GET", path: "/api/audit?limit=20", headers: world.admin };
      }
      counts.reads += 1;
      return { method: "GET", path: pick(reads)(), headers: world.issuer };
    },
  };
  return { target, counts };
}
