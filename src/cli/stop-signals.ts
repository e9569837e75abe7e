// Not SIGHUP: a handler would undo `nohup npm start`, which asks for it to be ignored.
const SIGNALS = ["SIGINT", "SIGTERM"] as const;
/** A signal repeated sooner than this is the same request (Ctrl-C reaches npm and us, and npm forwards it). */
const REPEAT_MS = 1_000;
const PARENT_CHECK_MS = 1_000;

export interface StopRequest {
  /** Settles with why the process should stop: a signal, or its parent (npm) going away. */
  reason: Promise<string>;
  dispose(): void;
}

/**
 * Listens for SIGINT and SIGTERM, and watches the parent process: when npm (or the shell)
 * that started us is killed, we would otherwise be left running as an orphan holding the port and
 * the store. A second signal at least a second after the first calls `force`.
 */
export function stopRequest(force: (signal: string) => void): StopRequest {
  let resolve!: (reason: string) => void;
  const reason = new Promise<string>((done) => (resolve = done));
  let first: number | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (first === undefined) {
      first = Date.now();
      resolve(signal);
    } else if (Date.now() - first >= REPEAT_MS) force(signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) {
      first ??= Date.now();
      resolve(`the parent process (pid ${parent}) exited`);
    }
  }, PARENT_CHECK_MS);
  watch.unref();
  return {
    reason,
    dispose() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      clearInterval(watch);
    },
  };
}
