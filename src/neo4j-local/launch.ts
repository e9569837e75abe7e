import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { assertJava } from "./java-version.js";
import { ensureLauncherBuilt, LAUNCHER_DIR } from "./launcher-build.js";

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

export interface LocalNeo4jOptions {
  /** Store directory; created if missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  heap?: string;
  pageCache?: string;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  version: string;
  process: ChildProcess;
  /** Stops the database cleanly (SIGTERM, then waits for exit). */
  stop(): Promise<void>;
}

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

/**
 * Starts a real Neo4j 5.26 Community on loopback from the Maven-built launcher.
 * @example const neo4j = await startLocalNeo4j({ dataDir: ".data/neo4j" }); ... await neo4j.stop();
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  assertJava();
  await ensureLauncherBuilt(log);
  const port = options.port || (await freePort());
  const home = path.resolve(options.dataDir);
  mkdirSync(home, { recursive: true });
  const target = path.join(LAUNCHER_DIR, "target");
  const child = spawn(
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
    // stdin stays a pipe: the launcher exits when it closes, so Neo4j never outlives us.
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const output: string[] = [];
  const version = await new Promise<string>((resolve, reject) => {
    const onLine = (chunk: Buffer): void => {
      const text = chunk.toString();
      output.push(text);
      const ready = /NEO4J_READY (\S+) (.+)/.exec(text);
      if (ready?.[2]) resolve(ready[2].trim());
    };
    child.stdout.on("data", onLine);
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      reject(
        new Error(
          `Local Neo4j exited (code ${code}) before it was ready. Its output:\n${output.join("").slice(-4000)}`,
        ),
      ),
    );
  });
  child.removeAllListeners("exit");
  log(`[neo4j] Neo4j ${version} ready on bolt://127.0.0.1:${port} (store ${home})`);
  let exited = false;
  child.on("exit", () => (exited = true));
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    version,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
