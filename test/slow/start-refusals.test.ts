import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Server } from "node:net";
import { hostname } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { INSTANCE_FILE } from "../../src/neo4j-local/index.ts";
import { closeServer, freePort, listenOn, run, runToEnd } from "./support/processes.ts";

// Start-up refusals, each before any Neo4j is started: no JVM here, only `npm start` and friends.
const dirs: string[] = [];
const servers: Server[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-refusal-"));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const server of servers) await closeServer(server);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("npm start refuses early", () => {
  it("refuses a PORT in use before Neo4j starts or anything is seeded", async () => {
    const port = await freePort();
    servers.push(await listenOn(port));
    const dataDir = path.join(tempDir(), "neo4j");
    const { code, output } = await runToEnd(["start"], { PORT: String(port), NEO4J_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(`error: PORT ${port} on 127.0.0.1 is already in use`);
    expect(output).toContain("set PORT to a free port");
    expect(output).not.toMatch(/\[neo4j\]|\[seed\]/);
    expect(output).not.toMatch(/\n\s+at /); // one message, no stack
    // Nothing of a store: no data, no logs, and the instance file released.
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it("exits with the cause when NEO4J_URI accepts connections but never answers, within NEO4J_CONNECT_TIMEOUT_MS", async () => {
    const silent = await freePort();
    servers.push(await listenOn(silent));
    const start = run(["start"], {
      NEO4J_URI: `bolt://127.0.0.1:${silent}`,
      NEO4J_CONNECT_TIMEOUT_MS: "2000",
      PORT: String(await freePort()),
    });
    try {
      await start.waitFor(/\[neo4j\] connecting to bolt:/, 120_000);
      const connecting = Date.now();
      const { code, at } = await start.exited;
      expect(code).toBe(1);
      // The attempt's 2 s, plus the process winding down.
      expect(at - connecting).toBeLessThan(2000 + 3000);
      expect(start.output()).toContain(
        `error: Could not reach Neo4j at bolt://127.0.0.1:${silent}: Neo4j did not answer within 2000 ms`,
      );
      expect(start.output()).toContain("NEO4J_STARTUP_WAIT_MS");
    } finally {
      start.kill();
    }
  });

  it("retries an unreachable NEO4J_URI with logged backoff for NEO4J_STARTUP_WAIT_MS, then exits with the cause", async () => {
    const closed = await freePort();
    const { code, output } = await runToEnd(["start"], {
      NEO4J_URI: `bolt://127.0.0.1:${closed}`,
      NEO4J_STARTUP_WAIT_MS: "3500",
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    const retries = output.match(
      /\[neo4j\] bolt:\/\/127\.0\.0\.1:\d+ not reachable yet \(ServiceUnavailable: connect ECONNREFUSED/g,
    );
    expect(retries?.length).toBe(2); // after 1 s and 2 s; the next (4 s) would pass 3.5 s
    expect(output).toMatch(
      /error: Could not reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+ \(3 attempts in \d s\): ServiceUnavailable: connect ECONNREFUSED/,
    );
  });

  it("refuses a second start on a data directory another live process holds, touching nothing in it", async () => {
    const dataDir = tempDir();
    // This test process stands in for the running instance: alive, and its pid recorded.
    const record = {
      pid: process.pid,
      hostname: hostname(),
      command: "start",
      startedAt: new Date().toISOString(),
    };
    writeFileSync(path.join(dataDir, INSTANCE_FILE), JSON.stringify(record));
    const { code, output } = await runToEnd(["start"], {
      PORT: String(await freePort()),
      NEO4J_DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `error: ${dataDir} is in use by a running governance-graph \`start\` (pid ${process.pid}`,
    );
    expect(output).toContain("set NEO4J_DATA_DIR to another folder");
    expect(readdirSync(dataDir)).toEqual([INSTANCE_FILE]);
  });
});

describe("seed and report on a data directory a running instance holds", () => {
  it("says what to set when that instance's Neo4j does not answer", async () => {
    const dataDir = tempDir();
    const bolt = await freePort();
    const api = `http://127.0.0.1:${await freePort()}`;
    const record = {
      pid: process.pid,
      hostname: hostname(),
      command: "start",
      startedAt: new Date().toISOString(),
      bolt: `bolt://127.0.0.1:${bolt}`,
      api,
    };
    writeFileSync(path.join(dataDir, INSTANCE_FILE), JSON.stringify(record));
    const { code, output } = await runToEnd(["run", "report", "--", "body", "body:scpb"], {
      NEO4J_DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain(`holds the store, but its Neo4j at bolt://127.0.0.1:${bolt} does not answer`);
    expect(output).toContain("set NEO4J_URI");
    expect(output).toContain(`--endpoint ${api}/graphql`);
    expect(output).not.toMatch(/StoreLock|\n\s+at /);
  });

  it("says to wait while that instance is still starting its Neo4j", async () => {
    const dataDir = tempDir();
    const record = {
      pid: process.pid,
      hostname: hostname(),
      command: "start",
      startedAt: new Date().toISOString(),
    };
    writeFileSync(path.join(dataDir, INSTANCE_FILE), JSON.stringify(record));
    const { code, output } = await runToEnd(["run", "seed"], { NEO4J_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain("is still starting its Neo4j. Wait until it is ready, or set NEO4J_URI");
  });
});
