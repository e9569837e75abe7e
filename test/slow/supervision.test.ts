import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANCE_FILE } from "../../src/neo4j-local/index.ts";
import { graphql, health, healthBecomes } from "./support/http.ts";
import {
  freePort,
  javaPids,
  portInUse,
  run,
  runToEnd,
  signal,
  waitForExit,
  viewerBuilt,
  type Running,
} from "./support/processes.ts";

// One `npm start` on its own store (the sample seeds, both partnerships), put through the faults an
// operator meets, in order: a second start, a frozen Neo4j, a killed Neo4j, seed and report while it
// runs, then SIGTERM to npm with a request in flight.
const QUERY_TIMEOUT_MS = 4000;
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "governance-graph-supervision-")), "neo4j");
let port: number;
let api: string;
let start: Running;
const java = (): number => javaPids(start.output()).at(-1)!;
const BODIES = '{ bodies(where: { id: { eq: "body:scpb" } }) { id name } }';

beforeAll(async () => {
  await viewerBuilt();
  port = await freePort();
  api = `http://127.0.0.1:${port}`;
  start = run(["start"], {
    PORT: String(port),
    NEO4J_DATA_DIR: dataDir,
    QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
  });
  await start.waitFor(/governance-graph ready/, 300_000);
}, 600_000);

afterAll(() => {
  start?.kill();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const logsDigest = (): string => {
  const hash = createHash("sha256");
  const logs = path.join(dataDir, "logs");
  for (const file of readdirSync(logs).sort()) hash.update(file).update(readFileSync(path.join(logs, file)));
  return hash.digest("hex");
};

describe("npm start under faults", () => {
  it("serves the sample, and records itself in the data directory", async () => {
    expect((await health(api)).body).toMatchObject({
      status: "ok",
      neo4j: { version: expect.stringMatching(/^5\.26/) },
    });
    const instance = JSON.parse(readFileSync(path.join(dataDir, INSTANCE_FILE), "utf8")) as Record<
      string,
      unknown
    >;
    expect(instance).toMatchObject({
      command: "start",
      api,
      bolt: expect.stringMatching(/^bolt:\/\/127\.0\.0\.1:\d+$/),
    });
    expect((await graphql(api, BODIES)).body.data).toEqual({
      bodies: [{ id: "body:scpb", name: expect.any(String) }],
    });
  });

  it("refuses a second start on the same data directory before it touches the store or its logs", async () => {
    const before = logsDigest();
    const second = await runToEnd(["start"], { PORT: String(await freePort()), NEO4J_DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`error: ${dataDir} is in use by a running governance-graph \`start\``);
    expect(second.output).not.toMatch(/\[neo4j\]/);
    expect(logsDigest()).toBe(before);
    expect((await health(api)).status).toBe(200);
  }, 150_000);

  it("answers 503 DATABASE_UNAVAILABLE with Retry-After within QUERY_TIMEOUT_MS while Neo4j is frozen, and /health within 1 s", async () => {
    signal(java(), "SIGSTOP");
    try {
      const request = graphql(api, BODIES);
      const checks = [];
      for (let i = 0; i < 3; i++) checks.push(await health(api));
      for (const check of checks) {
        expect(check.status).toBe(503);
        expect(check.body.status).toBe("unavailable");
        expect(check.ms).toBeLessThan(1000);
      }
      const answer = await request;
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(answer.body.errors?.[0]?.message).toContain(`did not answer within the ${QUERY_TIMEOUT_MS} ms`);
      expect(answer.ms).toBeLessThan(QUERY_TIMEOUT_MS + 500);
    } finally {
      signal(java(), "SIGCONT");
    }
    await healthBecomes(api, "ok", 30_000);
    expect((await graphql(api, BODIES)).status).toBe(200);
  }, 60_000);

  it("restarts a killed Neo4j, logging why, says so on /health meanwhile, and serves the same data after", async () => {
    const killed = java();
    signal(killed, "SIGKILL");
    await start.waitFor(new RegExp(`\\[neo4j\\] Neo4j died \\(killed by SIGKILL, pid ${killed}`), 10_000);
    const during = await health(api);
    expect(during.status).toBe(503);
    expect(during.body.status).toBe("restarting");
    expect(during.body.reason).toContain("the local Neo4j died (killed by SIGKILL)");
    expect(during.ms).toBeLessThan(1000);
    const refused = await graphql(api, BODIES);
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(refused.ms).toBeLessThan(QUERY_TIMEOUT_MS + 500);

    await start.waitFor(
      /\[neo4j\] restarted: Neo4j .* ready on bolt:\/\/127\.0\.0\.1:\d+ \(pid \d+\)/,
      240_000,
    );
    expect(java()).not.toBe(killed);
    const after = await healthBecomes(api, "ok", 30_000);
    expect(after.body.neo4jRestarts).toBe(1);
    expect((await graphql(api, BODIES)).body.data).toEqual({
      bodies: [{ id: "body:scpb", name: expect.any(String) }],
    });
  }, 300_000);

  it("lets `npm run seed` and `npm run report` use the running instance's Neo4j instead of failing on the store lock", async () => {
    const env = { NEO4J_DATA_DIR: dataDir };
    const [seed, report] = await Promise.all([
      runToEnd(["run", "seed"], env, 240_000),
      runToEnd(["run", "report", "--", "body", "body:scpb", "--as-of", "2016-01-29"], env, 240_000),
    ]);
    const using =
      /\[neo4j\] using the Neo4j of the governance-graph `start` running on .* \(pid \d+\): bolt:/;
    expect(seed.output).toMatch(using);
    expect(seed.code).toBe(0);
    expect(seed.output).toMatch(/Written: 0 nodes created, 0 deleted/); // the same sample: nothing new
    expect(report.output).toMatch(using);
    expect(report.code).toBe(0);
    expect(report.output).toContain("Safer Communities Partnership Board");
  }, 300_000);

  it("on SIGTERM to npm finishes the request in flight, then stops the API and Neo4j, leaving nothing behind", async () => {
    const neo4j = java();
    const bolt = Number(/bolt:\/\/127\.0\.0\.1:(\d+)/.exec(start.output())![1]);
    const node = (JSON.parse(readFileSync(path.join(dataDir, INSTANCE_FILE), "utf8")) as { pid: number }).pid;
    // A request held in flight: Neo4j frozen for a moment, well within the request's deadline.
    signal(neo4j, "SIGSTOP");
    const inFlight = graphql(api, BODIES);
    await new Promise((resolve) => setTimeout(resolve, 300));
    signal(start.child.pid!, "SIGTERM");
    await start.waitFor(/\[stop\] SIGTERM: finishing the requests in flight/, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    signal(neo4j, "SIGCONT");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ bodies: [{ id: "body:scpb", name: expect.any(String) }] });

    const { code } = await start.exited;
    expect(code).toBe(0);
    expect(start.output()).toMatch(/\[stop\] stopped in \d+\.\d s/);
    expect(await waitForExit(neo4j, 5_000)).toBe(true);
    expect(await waitForExit(node, 5_000)).toBe(true);
    expect(await portInUse(port)).toBe(false);
    expect(await portInUse(bolt)).toBe(false);
    expect(existsSync(path.join(dataDir, INSTANCE_FILE))).toBe(false);
  }, 120_000);
});
