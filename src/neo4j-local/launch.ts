import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { UserError } from "../errors/index.ts";
import { claimDataDir, type InstanceClaim } from "./instance-file.ts";
import { assertJava } from "./java-version.ts";
import { ensureLauncherBuilt, LAUNCHER_DIR } from "./launcher-build.ts";
import { stopLeftoverNeo4j } from "./leftover-neo4j.ts";

/** The JVM flags Neo4j 5.26's own start script passes (server.jvm.additional), minus AlwaysPreTouch, which slows a laptop start. */
const NEO4J_JVM_FLAGS = [
  // APOC reads its settings from system properties too: triggers record the history of every write
  // (src/history), loaded within a second of being installed.
  "-Dapoc.trigger.enabled=true",
  "-Dapoc.trigger.refresh=1000",
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Djdk.tls.ephemeralDHKeySize=2048",
  "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
  "-XX:FlightRecorderOptions=stackdepth=256",
  "-XX:+UnlockDiagnosticVMOptions",
  "-XX:+DebugNonSafepoints",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Dlog4j2.disable.jmx=true",
];

/** How long a clean stop may take before the JVM is killed. */
const STOP_TIMEOUT_MS = 30_000;
/** How long Neo4j may take to become ready (NEO4J_START_TIMEOUT_MS): a cold start takes 15-40 s on a busy 2-core machine. */
export const DEFAULT_START_TIMEOUT_MS = 180_000;
/** A JVM that never became ready is asked to stop (SIGTERM), then killed after this long: it holds no data worth waiting for. */
const ABANDON_KILL_MS = 5_000;
/** Lines of the JVM's output kept to explain an exit. */
const OUTPUT_LINES = 40;

export interface LocalNeo4jOptions {
  /** Store directory; created if missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  heap?: string;
  pageCache?: string;
  log?: (line: string) => void;
  /** The data directory, already claimed by the caller; otherwise this claims (and releases) it. */
  claim?: InstanceClaim;
  /** Recorded in the instance file when this claims the data directory. */
  command?: string;
  /** How long the JVM may take to become ready before it is stopped and the start fails (NEO4J_START_TIMEOUT_MS). */
  startTimeoutMs?: number;
}

/** How a Neo4j process ended. */
export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** `stop()` asked for it. */
  requested: boolean;
  /** The last lines the JVM printed. */
  output: string;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  version: string;
  process: ChildProcess;
  /** Settles when the JVM exits, for whatever reason. */
  exited: Promise<Neo4jExit>;
  /** Stops the database cleanly (SIGTERM, then SIGKILL after 30 s) and releases the data directory. */
  stop(): Promise<void>;
}

/** The store is locked by a process that is not a governance-graph instance this project can find. */
export class StoreLockedError extends UserError {}
/** The Bolt port of the local Neo4j is taken. */
export class BoltPortInUseError extends UserError {}
/** The JVM exited before Neo4j was ready, for a reason its output gives. */
export class Neo4jStartError extends UserError {}
/** The JVM did not become ready within NEO4J_START_TIMEOUT_MS; it was stopped. */
export class Neo4jStartTimeoutError extends UserError {}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** "killed by SIGKILL", "exit code 1": how a process ended, for a log line. */
export function describeExit(exit: Pick<Neo4jExit, "code" | "signal">): string {
  if (exit.signal) return `killed by ${exit.signal}`;
  // The JVM turns SIGTERM and SIGINT into a clean shutdown with exit code 128 + the signal number.
  if (exit.code === 143) return "stopped by SIGTERM (exit code 143)";
  if (exit.code === 130) return "stopped by SIGINT (exit code 130)";
  return `exit code ${exit.code}`;
}

/** Why the JVM could not start, in words a user can act on, from what it printed. */
function startFailure(output: string, exit: Neo4jExit, home: string, port: number): Error {
  const tail = output.slice(-4000);
  if (/StoreLockException|FileLockException|Unable to obtain lock on/i.test(output))
    return new StoreLockedError(
      `The Neo4j store in ${home} is locked by another process, and no governance-graph instance says it holds it. ` +
        "If a Neo4j you started yourself uses this store, point at it with NEO4J_URI=bolt://127.0.0.1:<its port> " +
        "(for reports: --endpoint http://<host>:<port>/graphql of a running API), or stop it; or set NEO4J_DATA_DIR to another folder.",
    );
  if (/BindException|Address already in use/i.test(output))
    return new BoltPortInUseError(
      `The local Neo4j could not listen on 127.0.0.1:${port}: the port is in use. Stop what holds it, or let the project choose a free port.`,
    );
  return new Neo4jStartError(
    `The local Neo4j exited (${describeExit(exit)}) before it was ready. See ${path.join(home, "logs", "debug.log")}; its output:\n${tail}`,
  );
}

/**
 * Starts a real Neo4j 5.26 Community on loopback from the Maven-built launcher, after claiming
 * its data directory (src/neo4j-local/instance-file.ts) so a second instance is refused before it
 * touches the store or its logs.
 * @example const neo4j = await startLocalNeo4j({ dataDir: ".data/neo4j" }); ... await neo4j.stop();
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const home = path.resolve(options.dataDir);
  const claim = options.claim ?? claimDataDir(home, options.command);
  const releaseOwnClaim = (): void => {
    if (!options.claim) claim.release();
  };
  let child: ChildProcess;
  let port: number;
  try {
    assertJava();
    await ensureLauncherBuilt(log);
    // Once per claim: a restart under supervision finds its own JVM's pid recorded instead.
    if (claim.record.neo4jPid === undefined) await stopLeftoverNeo4j(claim.replaced, home, log);
    port = options.port || (await freePort());
    const target = path.join(LAUNCHER_DIR, "target");
    child = spawn(
      "java",
      [
        `-Xms${options.heap ?? "1g"}`,
        `-Xmx${options.heap ?? "1g"}`,
        ...NEO4J_JVM_FLAGS,
        "-cp",
        `${path.join(target, "classes")}${path.delimiter}${path.join(target, "lib", "*")}`,
        "governance.neo4j.LocalNeo4j",
        home,
        String(port),
        path.join(target, "plugins"),
        options.pageCache ?? "256m",
      ],
      {
        // stdin stays a pipe: the launcher exits when it closes, so Neo4j never outlives us.
        stdio: ["pipe", "pipe", "pipe"],
        // Its own process group: Ctrl-C reaches us, not the JVM, so we drain requests before stopping it.
        detached: true,
      },
    );
  } catch (error) {
    releaseOwnClaim();
    throw error;
  }
  claim.update({ neo4jPid: child.pid! });
  const lines: string[] = [];
  const remember = (chunk: Buffer): void => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
  };
  let requested = false;
  const exited = new Promise<Neo4jExit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, requested, output: lines.join("\n") })),
  );
  // Everything printed before it is ready, to explain a failed start; only the tail after that.
  let startOutput: string | undefined = "";
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  log(
    `[neo4j] starting Neo4j (pid ${child.pid}, store ${home}); waiting up to ${Math.round(startTimeoutMs / 1000)} s for it to be ready (NEO4J_START_TIMEOUT_MS)`,
  );
  let deadline: NodeJS.Timeout | undefined;
  const version = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      remember(chunk);
      if (startOutput === undefined) return;
      startOutput += chunk.toString();
      const ready = /NEO4J_READY (\S+) (.+)/.exec(startOutput);
      if (ready?.[2]) resolve(ready[2].trim());
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      remember(chunk);
      if (startOutput !== undefined) startOutput += chunk.toString();
    });
    child.on("error", reject);
    let abandoned = false;
    void exited.then((exit) => {
      if (!abandoned) reject(startFailure(startOutput ?? "", exit, home, port));
    });
    // A JVM that hangs (a stuck disk, a debugger agent waiting, a starved machine) must not make
    // the command wait forever: stop it and say so.
    deadline = setTimeout(() => {
      abandoned = true;
      child.kill("SIGTERM");
      const kill = setTimeout(() => child.kill("SIGKILL"), ABANDON_KILL_MS);
      void exited.then((exit) => {
        clearTimeout(kill);
        reject(
          new Neo4jStartTimeoutError(
            `The local Neo4j (pid ${child.pid}) was not ready within ${startTimeoutMs} ms (NEO4J_START_TIMEOUT_MS), ` +
              `so it was stopped (${describeExit(exit)}). A busy or slow machine may need longer: raise NEO4J_START_TIMEOUT_MS; ` +
              `otherwise see ${path.join(home, "logs", "debug.log")}. Its output:\n${(startOutput ?? "").slice(-4000)}`,
          ),
        );
      });
    }, startTimeoutMs);
  })
    .catch((error: unknown) => {
      releaseOwnClaim();
      throw error;
    })
    .finally(() => clearTimeout(deadline));
  startOutput = undefined;
  const uri = `bolt://127.0.0.1:${port}`;
  claim.update({ bolt: uri });
  log(`[neo4j] Neo4j ${version} ready on ${uri} (store ${home}, pid ${child.pid})`);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    port,
    version,
    process: child,
    exited,
    stop() {
      stopping ??= (async () => {
        requested = true;
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
          await exited;
          clearTimeout(timer);
        }
        releaseOwnClaim();
      })();
      return stopping;
    },
  };
}
