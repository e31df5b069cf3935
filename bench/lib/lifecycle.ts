import type { ChildProcess } from "node:child_process";

type Stopper = () => Promise<void> | void;

const stoppers: { name: string; stop: Stopper }[] = [];
let stopping: Promise<void> | undefined;

/**
 * Registers something a benchmark started (a child process, a temp folder, a database cluster) so
 * that `stopAll()` stops it, last started first. Returns a function that stops it now and forgets it.
 */
export function onStop(name: string, stop: Stopper): () => Promise<void> {
  const entry = { name, stop };
  stoppers.push(entry);
  return async () => {
    const i = stoppers.indexOf(entry);
    if (i < 0) return;
    stoppers.splice(i, 1);
    await entry.stop();
  };
}

/** Stops everything registered, newest first; a failure to stop one does not skip the others. */
export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    while (stoppers.length > 0) {
      const entry = stoppers.pop();
      if (!entry) break;
      try {
        await entry.stop();
      } catch (error) {
        console.error(`could not stop ${entry.name}: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return stopping;
}

/**
 * On Ctrl-C, SIGTERM or an uncaught error, stops everything registered and exits (130 / 143 / 1),
 * so no cfssl, emulator, console or PostgreSQL process outlives the benchmark.
 */
export function stopAllOnExit(): void {
  const bail = (code: number) => () => {
    void stopAll().finally(() => process.exit(code));
  };
  process.once("SIGINT", bail(130));
  process.once("SIGTERM", bail(143));
  process.once("uncaughtException", (error) => {
    console.error(error);
    bail(1)();
  });
}

/** Ends a child process: SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
export function endChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
