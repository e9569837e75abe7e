import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject, onTestFinished } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { inProcessSource, type ReportSource } from "../../src/report/index.ts";

/** The report's in-process source over the run's Neo4j (as `npm run report` without --endpoint), counting requests. */
export async function countingSource(): Promise<ReportSource & { requests: number }> {
  const config = loadConfig({
    NEO4J_URI: inject("neo4jUri"),
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
  });
  const source = await inProcessSource(config);
  const counting = {
    description: source.description,
    requests: 0,
    request: ((document, variables) => {
      counting.requests++;
      return source.request(document, variables);
    }) as ReportSource["request"],
    close: () => source.close(),
  };
  return counting;
}

/** A fresh temporary folder for a test's output files, deleted when the test ends (call it inside a test). */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-report-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
