import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { ensureViewerBuilt } from "../../../src/viewer/index.ts";

/** The repository root, where `npm start` runs. */
export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** The environment of a child command: the caller's, minus anything that would point it elsewhere. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of ["NEO4J_URI", "NEO4J_DATA_DIR", "PORT", "HOST", "SEED_ON_START", "QUERY_TIMEOUT_MS"])
    delete base[name];
  return { ...base, HOST: "127.0.0.1", NEO4J_HEAP: "512m", NEO4J_PAGECACHE: "64m", ...env };
}

/** A command the test started, with its output as it comes. */
export interface Running {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output, or fails after `timeoutMs` showing the output. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills its process group (npm and node; the JVM follows when its stdin closes) and any JVM it logged. */
  kill(): void;
}

/**
 * Runs `npm <args>` in the repository as a user would, as the leader of its own process group
 * (so a test can send a signal to the group, as Ctrl-C in a terminal does).
 * @example const start = run(["start"], { PORT: "4100", NEO4J_DATA_DIR: dir });
 */
export function run(args: string[], env: Record<string, string>): Running {
  const child = spawn("npm", args, {
    cwd: ROOT,
    env: childEnv(env),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    text += chunk.toString();
    for (const wake of waiters) wake();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(text);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${text}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    kill() {
      for (const pid of javaPids(text)) signal(pid, "SIGKILL");
      if (child.pid) signal(-child.pid, "SIGKILL");
    },
  };
}

/** Runs `npm <args>` to its end. */
export async function runToEnd(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; output: string }> {
  const command = run(args, env);
  const timer = setTimeout(() => command.kill(), timeoutMs);
  const { code } = await command.exited;
  clearTimeout(timer);
  return { code, output: command.output() };
}

/** The JVM pids the command logged ("starting Neo4j (pid N", "ready on ... pid N", "restarted: ... (pid N)"). */
export function javaPids(output: string): number[] {
  const logged = output.matchAll(/\[neo4j\] .*(?:starting Neo4j \(|ready on|restarted:).*pid (\d+)/g);
  return [...new Set([...logged].map((m) => Number(m[1])))];
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `pid` has exited (a zombie counts as gone only once reaped by its parent). */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** A free TCP port on loopback (closed again at once). */
export async function freePort(): Promise<number> {
  const server = await listenOn(0);
  const port = (server.address() as { port: number }).port;
  await closeServer(server);
  return port;
}

const sockets = new WeakMap<Server, Set<Socket>>();

/** Listens on 127.0.0.1:`port` and never answers: a busy port, or a database that never speaks. */
export function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const open = new Set<Socket>();
    const server = createServer((socket) => {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
    });
    sockets.set(server, open);
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** Stops a `listenOn` server, dropping the connections it holds. */
export function closeServer(server: Server): Promise<void> {
  for (const socket of sockets.get(server) ?? []) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export async function portInUse(port: number): Promise<boolean> {
  try {
    await closeServer(await listenOn(port));
    return false;
  } catch {
    return true;
  }
}

/**
 * Builds the viewer now if its build is stale, so that `npm start` in a test does not (a Vite build
 * competing for the CPU with the faults a test times).
 */
export async function viewerBuilt(): Promise<void> {
  await ensureViewerBuilt({ log: () => {} });
}
