import { readFile } from "node:fs/promises";
import { rssOf } from "./process";

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux.
}

/** What a server process used while a load ran. */
export interface ProcessUsage {
  /** Highest RSS seen (sampled every 100 ms), bytes. */
  readonly peakRss: number;
  /** CPU ms used during the run. */
  readonly cpuMs: number;
}

/**
 * Watches processes while `work` runs: the peak RSS of each (sampled) and the CPU time each used.
 * A pid that has gone reports zeros rather than failing the benchmark.
 */
export async function watchProcesses<T>(
  pids: readonly number[],
  work: () => Promise<T>,
): Promise<{ result: T; usage: ProcessUsage[] }> {
  const safe = async <V>(f: () => Promise<V>, fallback: V) => {
    try {
      return await f();
    } catch {
      return fallback;
    }
  };
  const peaks = await Promise.all(pids.map((pid) => safe(() => rssOf(pid), 0)));
  const cpuBefore = await Promise.all(pids.map((pid) => safe(() => cpuMsOf(pid), 0)));
  const timer = setInterval(() => {
    pids.forEach((pid, i) => {
      void safe(() => rssOf(pid), 0).then((rss) => {
        if (rss > (peaks[i] ?? 0)) peaks[i] = rss;
      });
    });
  }, 100);
  try {
    const result = await work();
    const cpuAfter = await Promise.all(pids.map((pid) => safe(() => cpuMsOf(pid), 0)));
    const rssAfter = await Promise.all(pids.map((pid) => safe(() => rssOf(pid), 0)));
    const usage = pids.map((_, i) => ({
      peakRss: Math.max(peaks[i] ?? 0, rssAfter[i] ?? 0),
      cpuMs: (cpuAfter[i] ?? 0) - (cpuBefore[i] ?? 0),
    }));
    return { result, usage };
  } finally {
    clearInterval(timer);
  }
}

/** The children of a process, from /proc (Linux). */
export async function childrenOf(pid: number): Promise<number[]> {
  const { readdir } = await import("node:fs/promises");
  const out: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/**
 * The server processes of a throwaway PostgreSQL cluster (postmaster and its backends), from the
 * `host=` socket folder of its URL (startPostgresCluster keeps the data in `<folder>/data`).
 */
export async function postgresPids(url: string): Promise<number[]> {
  const folder = new URL(url).searchParams.get("host");
  if (!folder) return [];
  try {
    const postmaster = Number((await readFile(`${folder}/data/postmaster.pid`, "utf8")).split("\n")[0]);
    return Number.isInteger(postmaster) && postmaster > 0
      ? [postmaster, ...(await childrenOf(postmaster))]
      : [];
  } catch {
    return [];
  }
}
