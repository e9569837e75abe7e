import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { latestOfLargest, renderReadmeSummary } from "../../../bench/report/readme-summary.ts";
import { readAllResults, type BenchResults } from "../../../bench/report/results.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const START = "<!-- bench:summary:start (written by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:summary:end -->";

describe("the README's benchmark summary", () => {
  it("is what the latest committed run of the largest size renders (rerun npm run bench to refresh it)", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const written = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    const latest = latestOfLargest(readAllResults(path.join(ROOT, "bench/results")));
    expect(readme.indexOf(START)).toBeGreaterThan(0);
    expect(written).toBe(renderReadmeSummary(latest.results, latest.file));
  });

  it("names the scenarios under the target, the throughput shares and every missed target", () => {
    const scenario = (name: string, a: number, b: number) => ({
      name,
      description: name,
      variables: {},
      answer: { objects: 1, bytes: 1 },
      differences: { b: null, c: null },
      latency: Object.fromEntries(
        (["a", "a0", "b", "c", "h"] as const).map((k) => [
          k,
          {
            samples: 40,
            p50: { a, a0: a, b, c: a * 10, h: 0.5 }[k],
            p95: 1,
            p99: 1,
            mean: 1,
            min: 1,
            max: 1,
          },
        ]),
      ) as never,
      roundTrips: { a: 1, a0: 1, b: 1, c: 20 },
      ratios: {
        aOverB_p50: a / b,
        aOverB_p95: 1,
        cOverA_p50: 10,
        cOverA_p95: 10,
        bPlusHOverB_p50: (b + 0.5) / b,
      },
    });
    const run = (connections: number, requestsPerSecond: number) => ({
      target: "the tree",
      connections,
      durationSeconds: 10,
      requests: requestsPerSecond * 10,
      requestsPerSecond,
      latencyMs: { p50: 1, p99: 1, max: 1 },
      errors: 0,
    });
    const results = {
      date: "2026-12-06T22:30:00.000Z",
      settings: { partnerships: 300, iterations: 40 },
      load: { reused: "/tmp/store" },
      scenarios: [scenario("fast", 2.4, 2), scenario("slow", 4, 2)],
      loadTest: {
        where: "here",
        runs: [{ ...run(32, 300), memoryBefore: {}, memoryAfter: {} }],
        floorRuns: [run(32, 500)],
        heapAfterGc: { before: 100 * 1048576, after: 101 * 1048576 },
        rssAfterGc: { before: 0, after: 0 },
      },
      targets: [
        { name: "a/b <= 1.3", met: false, detail: "" },
        { name: "zero errors", met: true, detail: "" },
      ],
    } as unknown as BenchResults;
    const text = renderReadmeSummary(results, "bench/results/2026-12-06-300.json");
    expect(text).toContain("2026-12-06 22:30 UTC, 40 samples a scenario");
    expect(text).toContain(
      "a/b at p50 of 1.20 (fast) to 2.00 (slow), under the 1.3 target for fast and over it for the other 1",
    );
    expect(text).toContain(
      "at concurrency 32 the API's throughput was 0.60 of the floor's for the tree (target 0.7)",
    );
    expect(text).toContain("0 errors in 3,000 requests");
    expect(text).toContain("Targets met in that run: zero errors. Missed: a/b <= 1.3.");
  });
});
