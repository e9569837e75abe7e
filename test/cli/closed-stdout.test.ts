import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs the CLI over the run's Neo4j with its stdout read by nobody: the pipe's reading end is
 * closed before the command writes, as `| head -1` closes it after a line, so its write fails
 * with EPIPE.
 */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["src/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: inject("neo4jUri") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stderr })));
}

describe("a command whose reader has gone away (| head -1)", () => {
  it.each([
    ["export popolo", ["export", "popolo", "--partnership", "partnership:barnet"]],
    ["report body", ["report", "body", "body:scpb"]],
  ])("%s ends quietly with exit 0", async (_name, args) => {
    const { code, stderr } = await runWithClosedStdout(args);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});
