import { existsSync } from "node:fs";
import path from "node:path";
import { replaceBetweenMarkers } from "./markdown.ts";
import type { BenchResults } from "./results.ts";
import { throughputAgainstFloor } from "./results.ts";

const START = "<!-- bench:summary:start (written by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:summary:end -->";

const range = (values: number[], digits = 1): string => {
  const low = Math.min(...values).toFixed(digits);
  const high = Math.max(...values).toFixed(digits);
  return low === high ? low : `${low}-${high}`;
};

/** The README's paragraph on the benchmark, from one run's results: every figure read from them. */
export function renderReadmeSummary(results: BenchResults, file: string): string {
  const scenarios = results.scenarios;
  const ratioOf = (s: (typeof scenarios)[number]): number => s.ratios.aOverB_p50 ?? Number.NaN;
  const byRatio = scenarios
    .filter((s) => s.ratios.aOverB_p50 !== null)
    .sort((x, y) => ratioOf(x) - ratioOf(y));
  const lowest = byRatio[0]!;
  const highest = byRatio.at(-1)!;
  const under = byRatio.filter((s) => ratioOf(s) <= 1.3).map((s) => s.name);
  const sentences = [
    `The latest ${results.settings.partnerships}-partnership run (${results.date.slice(0, 16).replace("T", " ")} UTC, ${results.settings.iterations} samples a scenario; [${path.basename(file)}](bench/results/${path.basename(file)})) measured a/b at p50 of ${ratioOf(lowest).toFixed(2)} (${lowest.name}) to ${ratioOf(highest).toFixed(2)} (${highest.name}), ${under.length ? `under the 1.3 target for ${under.join(", ")} and over it for the other ${scenarios.length - under.length}` : `over the 1.3 target for all ${scenarios.length}`}, while the latencies themselves are ${range(scenarios.map((s) => s.latency.a.p50))} ms (a) against floors of ${range(scenarios.map((s) => s.latency.b.p50))} ms (b).`,
  ];
  const withH = scenarios.filter((s) => s.latency.h && s.ratios.bPlusHOverB_p50 != null);
  if (withH.length)
    sentences.push(
      `Carrying each answer over HTTP with no GraphQL at all (h) takes ${range(withH.map((s) => s.latency.h!.p50))} ms of that: (b + h)/b, about the least a/b any HTTP API could show on that machine, is ${range(
        withH.map((s) => s.ratios.bPlusHOverB_p50!),
        2,
      )}.`,
    );
  const trips = scenarios.map((s) => s.roundTrips.a);
  sentences.push(
    `${trips.every((t) => t === 1) ? "One round trip for every scenario" : `Round trips ${range(trips, 0)}`}; c/a is ${range(
      scenarios.flatMap((s) => (s.ratios.cOverA_p50 === null ? [] : [s.ratios.cOverA_p50])),
    )} (the naive server needs ${range(
      scenarios.map((s) => s.roundTrips.c),
      0,
    )} round trips where the API needs ${range(trips, 0)}).`,
  );
  if (results.loadTest) {
    const { runs, heapAfterGc } = results.loadTest;
    const requests = runs.reduce((total, run) => total + run.requests, 0);
    const errors = runs.reduce((total, run) => total + run.errors, 0);
    const highestConcurrency = Math.max(...runs.map((run) => run.connections));
    const shares = throughputAgainstFloor(results.loadTest)
      .filter((t) => t.connections === highestConcurrency && t.ratio !== null)
      .map((t) => `${t.ratio!.toFixed(2)} of the floor's for ${t.target}`);
    sentences.push(
      `The load test (concurrency ${[...new Set(runs.map((run) => run.connections))].join(", ")}) had ${errors} errors in ${requests.toLocaleString("en-GB")} requests, API heap after a full GC ${(heapAfterGc.before / 1048576).toFixed(1)} MB before and ${(heapAfterGc.after / 1048576).toFixed(1)} MB after${shares.length ? `, and at concurrency ${highestConcurrency} the API's throughput was ${shares.join(" and ")} (target 0.7)` : ""}.`,
    );
  }
  if (!("reused" in results.load))
    sentences.push(
      `That run loaded its ${results.load.partnerships} partnerships through the seed loader at ${Math.round(results.load.nodesPerSecond).toLocaleString("en-GB")} nodes/s.`,
    );
  const named = (met: boolean): string[] => results.targets.filter((t) => t.met === met).map((t) => t.name);
  const [met, missed] = [named(true), named(false)];
  if (met.length) sentences.push(`Targets met in that run: ${met.join("; ")}.`);
  sentences.push(missed.length ? `Missed: ${missed.join("; ")}.` : "None missed.");
  return sentences.join(" ");
}

type Run = { file: string; results: BenchResults };

/** The latest run of the largest size among `runs` (oldest first, as readAllResults gives them): the one the README quotes. */
export function latestOfLargest(runs: Run[]): Run {
  const largest = Math.max(...runs.map((run) => run.results.settings.partnerships));
  return runs.filter((run) => run.results.settings.partnerships === largest).at(-1)!;
}

/**
 * Replaces the README's generated benchmark paragraph with the largest latest run, so that its
 * figures are always those of a committed result (they were copied by hand before, and went stale).
 */
export function updateReadmeSummary(file: string, runs: Run[]): void {
  if (!existsSync(file) || !runs.length) return;
  const latest = latestOfLargest(runs);
  replaceBetweenMarkers(
    file,
    { start: START, end: END, what: "the benchmark summary goes" },
    renderReadmeSummary(latest.results, latest.file),
  );
}
