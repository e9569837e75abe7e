import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadTestReport } from "../load-test/run-load-test.ts";
import type { LoadReport } from "../load/load-partnerships.ts";
import type { ScenarioResult } from "../measure/run-scenarios.ts";

export interface Machine {
  nproc: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  neo4j: string;
  /** os.loadavg() when the run started and ended: the machine is shared, so say how busy it was. */
  loadAverage: { start: number[]; end: number[] };
}

export interface Scaling {
  /** The 1-partnership results file compared with. */
  baseline: string;
  scenarios: {
    name: string;
    answerObjects: { here: number; baseline: number };
    p95: { here: number; baseline: number; ratio: number | null };
    floorP95Ratio: number | null;
  }[];
}

export interface BenchResults {
  command: string;
  date: string;
  machine: Machine;
  settings: {
    partnerships: number;
    seed: number;
    iterations: number;
    warmup: number;
    asOf: string;
    heap: string;
    pageCache: string;
    batchSize: number;
    /** Whether the history trigger (src/history) recorded every write; absent in older results: on. */
    history?: boolean;
    database: string;
  };
  graph: { partnerships: number; nodes: number; relationships: number };
  load: LoadReport | { reused: string };
  scenarios: ScenarioResult[];
  scaling?: Scaling;
  loadTest?: LoadTestReport;
  targets: { name: string; met: boolean | null; detail: string }[];
}

export function machine(neo4jVersion: string, loadAtStart: number[]): Machine {
  return {
    nproc: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    neo4j: neo4jVersion,
    loadAverage: {
      start: loadAtStart.map((l) => Math.round(l * 10) / 10),
      end: loadavg().map((l) => Math.round(l * 10) / 10),
    },
  };
}

const resultsFile = (dir: string, date: string, partnerships: number): string =>
  path.join(dir, `${date.slice(0, 10)}-${partnerships}.json`);

/** Every results file in `dir`, oldest first. */
export function readAllResults(dir: string): { file: string; results: BenchResults }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}-\d+\.json$/.test(f))
    .map((f) => ({
      file: path.join(dir, f),
      results: JSON.parse(readFileSync(path.join(dir, f), "utf8")) as BenchResults,
    }))
    .sort((a, b) => a.results.date.localeCompare(b.results.date));
}

/** p95 here against the latest 1-partnership run with the same seed (same partnership 0, so the same answers). */
export function scalingAgainstBaseline(
  dir: string,
  results: Omit<BenchResults, "targets">,
): Scaling | undefined {
  if (results.settings.partnerships === 1) return undefined;
  const baseline = readAllResults(dir)
    .filter((r) => r.results.settings.partnerships === 1 && r.results.settings.seed === results.settings.seed)
    .pop();
  if (!baseline) return undefined;
  return {
    baseline: path.basename(baseline.file),
    scenarios: results.scenarios.map((s) => {
      const base = baseline.results.scenarios.find((b) => b.name === s.name);
      const ratio = (a: number | undefined, b: number | undefined) =>
        a !== undefined && b ? Math.round((a / b) * 100) / 100 : null;
      return {
        name: s.name,
        answerObjects: { here: s.answer.objects, baseline: base?.answer.objects ?? 0 },
        p95: {
          here: s.latency.a.p95,
          baseline: base?.latency.a.p95 ?? 0,
          ratio: ratio(s.latency.a.p95, base?.latency.a.p95),
        },
        floorP95Ratio: ratio(s.latency.b.p95, base?.latency.b.p95),
      };
    }),
  };
}

/** The issue's targets, judged on these results (null: not applicable to this run). */
export function judgeTargets(results: Omit<BenchResults, "targets">): BenchResults["targets"] {
  const national = results.settings.partnerships >= 300;
  const overhead = results.scenarios.filter((s) => (s.ratios.aOverB_p50 ?? Infinity) > 1.3);
  const tail = results.scenarios.filter((s) => (s.ratios.aOverB_p95 ?? Infinity) > 1.5);
  const targets: BenchResults["targets"] = [
    {
      name: "a/b <= 1.3 at p50 for every scenario at 300 partnerships",
      met: national ? overhead.length === 0 : null,
      detail: overhead.length
        ? `over: ${overhead.map((s) => `${s.name} ${s.ratios.aOverB_p50}`).join(", ")}`
        : "all within",
    },
    {
      name: "a/b <= 1.5 at p95 for every scenario at 300 partnerships",
      met: national ? tail.length === 0 : null,
      detail: tail.length
        ? `over: ${tail.map((s) => `${s.name} ${s.ratios.aOverB_p95}`).join(", ")}`
        : "all within",
    },
  ];
  if (results.scaling) {
    const slow = results.scaling.scenarios.filter((s) => (s.p95.ratio ?? Infinity) > 2);
    targets.push({
      name: `p95 at ${results.settings.partnerships} within 2x of p95 at 1 partnership`,
      met: slow.length === 0,
      detail: slow.length ? `over: ${slow.map((s) => `${s.name} ${s.p95.ratio}`).join(", ")}` : "all within",
    });
  }
  if (results.loadTest) {
    const errors = results.loadTest.runs.reduce((total, run) => total + run.errors, 0);
    targets.push({
      name: "zero errors under load",
      met: errors === 0,
      detail: `${errors} errors in ${results.loadTest.runs.reduce((t, r) => t + r.requests, 0)} requests`,
    });
    const { before, after } = results.loadTest.heapAfterGc;
    targets.push({
      name: "memory flat across the load run (heap after GC within 10% or 5 MB)",
      met: after - before <= Math.max(0.1 * before, 5 * 1048576),
      detail: `heap after GC ${(before / 1048576).toFixed(1)} -> ${(after / 1048576).toFixed(1)} MB`,
    });
    const pairs = throughputAgainstFloor(results.loadTest).filter((p) => p.connections === 32);
    if (pairs.length) {
      const short = pairs.filter((p) => (p.ratio ?? 0) < 0.7);
      targets.push({
        name: "throughput at concurrency 32 at least 0.7 of the floor's at 32",
        met: short.length === 0,
        detail: pairs.map((p) => `${p.target} ${p.api}/${p.floor} req/s = ${p.ratio}`).join(", "),
      });
    }
  }
  return targets;
}

/** The API's req/s against the floor's at each concurrency (a/b), for the runs measured both ways. */
export function throughputAgainstFloor(
  loadTest: LoadTestReport,
): { target: string; connections: number; api: number; floor: number; ratio: number | null }[] {
  return loadTest.runs.flatMap((run) => {
    const floor = loadTest.floorRuns?.find(
      (f) => f.target === run.target && f.connections === run.connections,
    );
    if (!floor) return [];
    const ratio =
      floor.requestsPerSecond > 0
        ? Math.round((run.requestsPerSecond / floor.requestsPerSecond) * 100) / 100
        : null;
    return [
      {
        target: run.target,
        connections: run.connections,
        api: run.requestsPerSecond,
        floor: floor.requestsPerSecond,
        ratio,
      },
    ];
  });
}

export function writeResults(dir: string, results: BenchResults): string {
  mkdirSync(dir, { recursive: true });
  const file = resultsFile(dir, results.date, results.settings.partnerships);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
