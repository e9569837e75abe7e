import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** CPU time the process has used so far, user + system (ms; absent in results before session 5). */
  cpuMs?: number;
}

export interface ApiChild {
  url: string;
  pid: number;
  /** process.memoryUsage() of the API process; after a full GC when `gc`. */
  memory(gc?: boolean): Promise<Memory>;
  stop(): Promise<void>;
}

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "api-process.ts");

/** Starts the API in a child process (--expose-gc) against `uri`; resolves when it listens. */
export async function startApiChild(uri: string, database: string): Promise<ApiChild> {
  const child: ChildProcess = fork(ENTRY, [], {
    execArgv: ["--expose-gc"],
    env: { ...process.env, BENCH_NEO4J_URI: uri, BENCH_NEO4J_DATABASE: database },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: { ready?: boolean; url?: string }) =>
      message.ready && message.url
        ? resolve(message.url)
        : reject(new Error(`API child said ${JSON.stringify(message)}`)),
    );
    child.once("exit", (code) =>
      reject(
        new Error(`The API child process exited (code ${code}) before listening; see its output above.`),
      ),
    );
  });
  child.removeAllListeners("exit");
  return {
    url,
    pid: child.pid!,
    memory: (gc = false) =>
      new Promise<Memory>((resolve) => {
        child.once("message", (message: Memory & { type: string }) =>
          resolve({
            rss: message.rss,
            heapUsed: message.heapUsed,
            heapTotal: message.heapTotal,
            external: message.external,
            cpuMs: message.cpuMs,
          }),
        );
        child.send({ type: "memory", gc });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.send({ type: "stop" });
      }),
  };
}
