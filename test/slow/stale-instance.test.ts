import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { INSTANCE_FILE, type InstanceRecord } from "../../src/neo4j-local/index.ts";
import { healthBecomes } from "./support/http.ts";
import { freePort, isAlive, javaPids, run, signal, viewerBuilt, waitForExit } from "./support/processes.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const instance = (dataDir: string): InstanceRecord =>
  JSON.parse(readFileSync(path.join(dataDir, INSTANCE_FILE), "utf8")) as InstanceRecord;

describe("a start after its predecessor was killed outright", () => {
  it("takes over the stale instance file, stopping the Neo4j the dead instance left holding the store", async () => {
    await viewerBuilt();
    const dataDir = mkdtempSync(path.join(tmpdir(), "governance-graph-stale-"));
    dirs.push(dataDir);
    const env = { NEO4J_DATA_DIR: dataDir, SEED_ON_START: "never" };
    const first = run(["start"], { ...env, PORT: String(await freePort()) });
    // Also when the test times out: kills each command's group and the JVMs it logged.
    onTestFinished(() => first.kill());
    const secondPort = await freePort();
    await first.waitFor(/governance-graph ready/, 300_000);
    const jvm = javaPids(first.output()).at(-1)!;
    const dead = instance(dataDir);
    expect(dead.neo4jPid).toBe(jvm);
    // Frozen, as a hung JVM would be: it cannot shut itself down when its stdin closes.
    signal(jvm, "SIGSTOP");
    // npm and node, the whole tree but the JVM (its own process group), as `kill -9 -<pgid>` does.
    signal(-first.child.pid!, "SIGKILL");
    await first.exited;
    expect(await waitForExit(dead.pid, 5000)).toBe(true);
    expect(isAlive(jvm)).toBe(true);
    expect(existsSync(path.join(dataDir, INSTANCE_FILE))).toBe(true); // left behind

    const next = run(["start"], { ...env, PORT: String(secondPort) });
    onTestFinished(() => next.kill());
    await next.waitFor(/governance-graph ready/, 300_000);
    const output = next.output();
    expect(output).toContain(
      `[neo4j] the Neo4j (pid ${jvm}) of a governance-graph \`start\` that died (pid ${dead.pid}) still holds ${dataDir}`,
    );
    expect(output).toMatch(new RegExp(`leftover Neo4j \\(pid ${jvm}\\) (stopped on SIGTERM|did not stop)`));
    expect(output).not.toMatch(/StoreLock|is in use by/);
    expect(await waitForExit(jvm, 5000)).toBe(true);
    expect((await healthBecomes(`http://127.0.0.1:${secondPort}`, "ok", 30_000)).status).toBe(200);
    const taken = instance(dataDir);
    expect(taken.pid).not.toBe(dead.pid);
    expect(taken.neo4jPid).toBe(javaPids(output).at(-1));
  }, 600_000);
});
