import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";

/** A throwaway PostgreSQL cluster listening only on a unix socket in its own temp folder. */
export interface PostgresCluster {
  /** Connection URL of the cluster's `postgres` database, as the superuser `postgres`. */
  readonly url: string;
  stop(): void;
}

/** Debian's newest installed server binaries, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest === undefined ? null : join(root, newest, "bin");
}

/**
 * Creates and starts a cluster with Debian's initdb and pg_ctl. initdb refuses to run as root, so
 * as root the binaries run as the `postgres` OS user (runuser) on a folder chowned to it. The
 * server listens on no TCP port, only on a socket in the folder, so parallel runs never collide;
 * fsync is off because the data is thrown away.
 */
export function startPostgresCluster(): PostgresCluster {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install Debian's postgresql or set PCA_TEST_POSTGRES=0.",
    );
  }
  const dir = mkdtempSync("/tmp/pca-pg-");
  const asRoot = userInfo().uid === 0;
  const run = (tool: string, args: readonly string[]) => {
    const command = asRoot ? "runuser" : join(bin, tool);
    const argv = asRoot ? ["-u", "postgres", "--", join(bin, tool), ...args] : [...args];
    execFileSync(command, argv, { stdio: "pipe", cwd: dir });
  };
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const data = join(dir, "data");
  run("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "--no-sync",
    "-E",
    "UTF8",
    "--no-instructions",
  ]);
  const options = `-c listen_addresses='' -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
