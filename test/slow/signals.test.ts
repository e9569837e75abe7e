import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANCE_FILE } from "../../src/neo4j-local/index.ts";
import { graphql, healthBecomes } from "./support/http.ts";
import {
  closeServer,
  freePort,
  javaPids,
  listenOn,
  portInUse,
  run,
  signal,
  waitForExit,
  viewerBuilt,
  type Running,
} from "./support/processes.ts";

// Each test starts its own `npm start` on a fresh store. Nothing here asks the graph a question
// that depends on its content, so the stores stay empty (SEED_ON_START=never): a faster start.
const root = mkdtempSync(path.join(tmpdir(), "governance-graph-signals-"));
const running: Running[] = [];
beforeAll(() => viewerBuilt(), 300_000);
const servers: Server[] = [];
afterAll(async () => {
  for (const start of running) start.kill();
  for (const server of servers) await closeServer(server);
  rmSync(root, { recursive: true, force: true });
});

interface Instance {
  start: Running;
  api: string;
  port: number;
  dataDir: string;
  node: number;
  java: number;
  bolt: number;
}

async function startInstance(name: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const dataDir = path.join(root, name);
  const start = run(["start"], {
    PORT: String(port),
    NEO4J_DATA_DIR: dataDir,
    SEED_ON_START: "never",
    ...env,
  });
  running.push(start);
  await start.waitFor(/governance-graph ready/, 300_000);
  const instance = JSON.parse(readFileSync(path.join(dataDir, INSTANCE_FILE), "utf8")) as {
    pid: number;
    bolt: string;
  };
  return {
    start,
    port,
    dataDir,
    api: `http://127.0.0.1:${port}`,
    node: instance.pid,
    java: javaPids(start.output()).at(-1)!,
    bolt: Number(new URL(instance.bolt).port),
  };
}

/** Nothing left: no JVM, no CLI, no listening port, no instance file. */
async function expectNothingLeft(instance: Instance): Promise<void> {
  expect(await waitForExit(instance.java, 5_000)).toBe(true);
  expect(await waitForExit(instance.node, 5_000)).toBe(true);
  expect(await portInUse(instance.port)).toBe(false);
  expect(await portInUse(instance.bolt)).toBe(false);
  expect(existsSync(path.join(instance.dataDir, INSTANCE_FILE))).toBe(false);
}

describe("npm start and signals", () => {
  it("on Ctrl-C (SIGINT to the whole process group) drains the request in flight, then stops Neo4j before exiting", async () => {
    const instance = await startInstance("sigint");
    signal(instance.java, "SIGSTOP");
    const inFlight = graphql(instance.api, "{ bodies(limit: 1) { id } }");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // What a terminal does on Ctrl-C: npm and the CLI both get it (the JVM has a group of its own).
    signal(-instance.start.child.pid!, "SIGINT");
    await instance.start.waitFor(
      /\[stop\] SIGINT: finishing the requests in flight, then stopping Neo4j/,
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    signal(instance.java, "SIGCONT");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    await instance.start.exited;
    // Neo4j was stopped by the CLI (its clean shutdown), not left to die with it.
    expect(instance.start.output()).toMatch(/\[stop\] stopped in/);
    await expectNothingLeft(instance);
  }, 360_000);

  it("on SIGTERM to the CLI process itself stops everything", async () => {
    const instance = await startInstance("sigterm-node");
    signal(instance.node, "SIGTERM");
    const { code } = await instance.start.exited;
    expect(code).toBe(0);
    expect(instance.start.output()).toMatch(
      /\[stop\] SIGTERM: finishing the requests in flight, then stopping Neo4j/,
    );
    await expectNothingLeft(instance);
  }, 360_000);

  it("on SIGTERM to the Neo4j process stops everything instead of restarting it", async () => {
    const instance = await startInstance("sigterm-java");
    signal(instance.java, "SIGTERM");
    const { code } = await instance.start.exited;
    expect(code).toBe(0);
    expect(instance.start.output()).toContain(
      `[neo4j] Neo4j (pid ${instance.java}) was stopped by SIGTERM (exit code 143) from outside this process: stopping everything`,
    );
    expect(instance.start.output()).not.toContain("restarting in");
    await expectNothingLeft(instance);
  }, 360_000);

  it("exits non-zero with one clear line when a killed Neo4j cannot be brought back", async () => {
    const instance = await startInstance("gives-up", { NEO4J_MAX_RESTARTS: "1" });
    signal(instance.java, "SIGKILL");
    expect(await waitForExit(instance.java, 10_000)).toBe(true);
    // Something else takes Neo4j's port before the restart (1 s later): the restart cannot listen.
    servers.push(await listenOn(instance.bolt));
    const restarting = await healthBecomes(instance.api, "restarting", 5_000);
    expect(restarting.body.reason).toContain("restart attempt 1 of 1");
    const { code } = await instance.start.exited;
    expect(code).toBe(1);
    const output = instance.start.output();
    expect(output).toMatch(
      /\[neo4j\] restart attempt 1 failed: The local Neo4j could not listen on 127\.0\.0\.1:\d+: the port is in use/,
    );
    expect(output).toMatch(
      /error: The local Neo4j died \(killed by SIGKILL\) at \S+ and could not be brought back \(1 restart attempt\(s\), NEO4J_MAX_RESTARTS\)/,
    );
    expect(output).not.toMatch(/\n\s+at /);
    expect(await waitForExit(instance.node, 5_000)).toBe(true);
    expect(await portInUse(instance.port)).toBe(false);
    expect(existsSync(path.join(instance.dataDir, INSTANCE_FILE))).toBe(false);
  }, 360_000);
});
