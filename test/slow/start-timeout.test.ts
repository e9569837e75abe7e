import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INSTANCE_FILE } from "../../src/neo4j-local/index.ts";
import { freePort, javaPids, portInUse, run, viewerBuilt, waitForExit } from "./support/processes.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A `java` first on PATH that runs the real one, except that the JVM Neo4j runs in hangs before
 * its main method: the JDWP agent with suspend=y waits for a debugger that never attaches. A real
 * JVM that never becomes ready, as a stuck disk or a starved machine would leave it.
 */
function hangingJava(): string {
  const real = spawnSync("sh", ["-c", "command -v java"], { encoding: "utf8" }).stdout.trim();
  if (!real) throw new Error("java is not on PATH: the slow tests need Java 17+ (README, Requirements)");
  const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-hanging-java-"));
  dirs.push(dir);
  const script = path.join(dir, "java");
  writeFileSync(
    script,
    [
      "#!/bin/sh",
      // `java -version` (the version check) answers as usual.
      `if [ "$1" = "-version" ]; then exec "${real}" "$@"; fi`,
      `exec "${real}" -agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0 "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(script, 0o755);
  return dir;
}

describe("a local Neo4j that never becomes ready", () => {
  it("is stopped after NEO4J_START_TIMEOUT_MS, and npm start exits 1 with the cause", async () => {
    await viewerBuilt();
    const dataDir = mkdtempSync(path.join(tmpdir(), "governance-graph-start-timeout-"));
    dirs.push(dataDir);
    const port = await freePort();
    const start = run(["start"], {
      PATH: `${hangingJava()}${path.delimiter}${process.env.PATH ?? ""}`,
      NEO4J_DATA_DIR: dataDir,
      NEO4J_START_TIMEOUT_MS: "3000",
      PORT: String(port),
    });
    try {
      await start.waitFor(/\[neo4j\] starting Neo4j \(pid \d+.*waiting up to 3 s/, 120_000);
      const starting = Date.now();
      const jvm = javaPids(start.output()).at(-1)!;
      const { code, at } = await start.exited;
      expect(code).toBe(1);
      // The 3 s, the JVM's stop (SIGTERM; SIGKILL 5 s later at worst), and the process winding down.
      expect(at - starting).toBeGreaterThanOrEqual(3000);
      expect(at - starting).toBeLessThan(3000 + 5000 + 4000);
      const output = start.output();
      expect(output).toContain(
        `error: The local Neo4j (pid ${jvm}) was not ready within 3000 ms (NEO4J_START_TIMEOUT_MS), so it was stopped`,
      );
      expect(output).toContain("raise NEO4J_START_TIMEOUT_MS");
      // Its output says why: the debugger agent waiting.
      expect(output).toContain("Listening for transport dt_socket");
      expect(output).not.toMatch(/\n\s+at /); // one message, no stack
      expect(output).not.toContain("governance-graph ready");
      // Nothing left behind: the JVM, the port, the instance file.
      expect(await waitForExit(jvm, 5000)).toBe(true);
      expect(await portInUse(port)).toBe(false);
      expect(existsSync(path.join(dataDir, INSTANCE_FILE))).toBe(false);
    } finally {
      start.kill();
    }
  });
});
