import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  claimDataDir,
  DataDirInUseError,
  INSTANCE_FILE,
  runningInstance,
} from "../../../src/neo4j-local/index.ts";

const dirs: string[] = [];
const dataDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-instance-"));
  dirs.push(dir);
  return path.join(dir, "neo4j");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

describe("the instance file in the data directory", () => {
  it("records who holds the store and where to reach it, and is removed on release", () => {
    const dir = dataDir();
    const claim = claimDataDir(dir, "start");
    claim.update({ bolt: "bolt://127.0.0.1:7687" });
    claim.update({ api: "http://127.0.0.1:4000" });
    expect(runningInstance(dir)).toMatchObject({
      pid: process.pid,
      command: "start",
      bolt: "bolt://127.0.0.1:7687",
      api: "http://127.0.0.1:4000",
    });
    claim.release();
    expect(existsSync(path.join(dir, INSTANCE_FILE))).toBe(false);
    expect(runningInstance(dir)).toBeUndefined();
  });

  it("refuses a second claim while the holder lives, naming it, and leaves its record alone", () => {
    const dir = dataDir();
    const first = claimDataDir(dir, "start");
    first.update({ api: "http://127.0.0.1:4000" });
    const before = readFileSync(path.join(dir, INSTANCE_FILE), "utf8");
    expect(() => claimDataDir(dir, "seed")).toThrow(DataDirInUseError);
    expect(() => claimDataDir(dir, "seed")).toThrow(
      new RegExp(
        `in use by a running governance-graph \`start\` \\(pid ${process.pid}, .*API http://127\\.0\\.0\\.1:4000`,
      ),
    );
    expect(readFileSync(path.join(dir, INSTANCE_FILE), "utf8")).toBe(before);
    first.release();
  });

  it("replaces a record left by a process that died", () => {
    const dir = dataDir();
    const stale = {
      pid: deadPid(),
      hostname: hostname(),
      command: "start",
      startedAt: "2026-01-01T00:00:00Z",
    };
    claimDataDir(dir, "x").release(); // creates the folder
    writeFileSync(path.join(dir, INSTANCE_FILE), JSON.stringify(stale));
    expect(runningInstance(dir)).toBeUndefined();
    const claim = claimDataDir(dir, "start");
    expect(runningInstance(dir)?.pid).toBe(process.pid);
    // Kept, for the Neo4j the dead process may have left running (src/neo4j-local/leftover-neo4j.ts).
    expect(claim.replaced).toEqual(stale);
    claim.release();
  });

  it("never removes a record another process wrote after ours", () => {
    const dir = dataDir();
    const claim = claimDataDir(dir, "start");
    const other = {
      pid: process.ppid,
      hostname: hostname(),
      command: "start",
      startedAt: "2026-01-01T00:00:00Z",
    };
    writeFileSync(path.join(dir, INSTANCE_FILE), JSON.stringify(other));
    claim.release();
    expect(runningInstance(dir)?.pid).toBe(process.ppid);
  });
});
