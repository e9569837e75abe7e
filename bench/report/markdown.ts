import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { throughputAgainstFloor, type BenchResults } from "./results.ts";

const START = "<!-- bench:results:start (written by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:results:end -->";
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const x = (value: number | null): string => (value === null ? "-" : `${value.toFixed(2)}`);
const thousands = (value: number): string => value.toLocaleString("en-GB");

/** One run as Markdown: how it was made, the scenario table, scaling, load test, targets. */
function renderRun(results: BenchResults, file: string): string {
  const m = results.machine;
  const load =
    "nodesPerSecond" in results.load
      ? `loaded in ${(results.load.writeMs / 1000).toFixed(0)} s through the seed loader, ${results.load.batchSize} partnerships per transaction: ${thousands(results.load.nodesPerSecond)} nodes/s, ${thousands(results.load.relationshipsPerSecond)} relationships/s (generation ${(results.load.generateMs / 1000).toFixed(0)} s)`
      : `store reused (${results.load.reused})`;
  const lines = [
    `### ${results.settings.partnerships} partnership${results.settings.partnerships > 1 ? "s" : ""} (${results.date.slice(0, 10)})`,
    "",
    `- Command: \`${results.command}\` -> [${path.basename(file)}](bench/results/${path.basename(file)})`,
    `- Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, Neo4j ${m.neo4j} (${results.settings.database}, heap ${results.settings.heap}, page cache ${results.settings.pageCache}); shared with other work: load average ${m.loadAverage.start[0]} at start, ${m.loadAverage.end[0]} at end`,
    `- Graph: ${thousands(results.graph.nodes)} nodes, ${thousands(results.graph.relationships)} relationships (seed ${results.settings.seed}); ${load}`,
    `- ${results.settings.iterations} timed iterations after ${results.settings.warmup} warm-up, ${results.scenarios.every((s) => s.latency.h) ? "a/a0/b/c/h" : results.scenarios.every((s) => s.latency.a0) ? "a/a0/b/c" : "a/b/c"} interleaved; questions about partnership p000, asOf ${results.settings.asOf}`,
    "",
    "| scenario | answer objects | a p50 | a p95 | b p50 | b p95 | c p50 | c p95 | round trips a / b / c | a/b p50 | a/b p95 | c/a p50 | same answer b, c |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: | :---: |",
    ...results.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.answer.objects} | ${ms(s.latency.a.p50)} | ${ms(s.latency.a.p95)} | ${ms(s.latency.b.p50)} | ${ms(s.latency.b.p95)} | ${ms(s.latency.c.p50)} | ${ms(s.latency.c.p95)} | ${s.roundTrips.a} / ${s.roundTrips.b} / ${s.roundTrips.c} | ${x(s.ratios.aOverB_p50)} | ${x(s.ratios.aOverB_p95)} | ${x(s.ratios.cOverA_p50)} | ${s.differences.b ? "no" : "yes"}, ${s.differences.c ? "no" : "yes"} |`,
    ),
    "",
    "Latencies in ms. a: the API over HTTP; b: hand-written Cypher through the driver; c: naive resolver-per-field GraphQL over HTTP.",
  ];
  if (results.scenarios.every((s) => s.latency.a0)) {
    lines.push(
      "",
      "Where (a)'s time goes, at p50: a0 is the same document executed in-process (graphql-js `execute` on the API's schema with a real request context, parsed and validated once; no HTTP, no Apollo pipeline). a cold is (a)'s first request of the run (translation cache empty, JIT cold; one sample); the p50s are warm. HTTP and pipeline = a - a0; execution and translation (resolvers, @neo4j/graphql, assembly) = a0 - b; database = b (the floor's own time).",
      "",
      "| scenario | a cold | a p50 | a0 p50 | a0 p95 | b p50 | HTTP + pipeline | execution + translation | database | a0/b p50 | round trips a0 | same answer a0 |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: |",
      ...results.scenarios.map((s) => {
        const a0 = s.latency.a0!;
        return `| ${s.name} | ${s.coldMs === undefined ? "-" : ms(s.coldMs)} | ${ms(s.latency.a.p50)} | ${ms(a0.p50)} | ${ms(a0.p95)} | ${ms(s.latency.b.p50)} | ${ms(s.latency.a.p50 - a0.p50)} | ${ms(a0.p50 - s.latency.b.p50)} | ${ms(s.latency.b.p50)} | ${x(s.ratios.a0OverB_p50 ?? null)} | ${s.roundTrips.a0 ?? "-"} | ${s.differences.a0 ? "no" : "yes"} |`;
      }),
    );
  }
  if (results.scenarios.every((s) => s.latency.h)) {
    lines.push(
      "",
      "What HTTP alone costs: h is (a)'s answer sent by a bare Express server (the request's JSON body parsed, the answer serialized and compressed as the API sends its own, no GraphQL; `bench/measure/answer-server.ts`), asked by the same client as (a). (b + h)/b is about the least a/b an HTTP API could show on this machine were its GraphQL work free; GraphQL = a - h - b (Apollo's pipeline, execution, translation, and what the generated query costs the database beyond the floor's).",
      "",
      "| scenario | answer KB | h p50 | h p95 | b p50 | (b + h)/b p50 | a p50 | GraphQL | same answer h |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
      ...results.scenarios.map((s) => {
        const h = s.latency.h!;
        return `| ${s.name} | ${(s.answer.bytes / 1024).toFixed(0)} | ${ms(h.p50)} | ${ms(h.p95)} | ${ms(s.latency.b.p50)} | ${x(s.ratios.bPlusHOverB_p50 ?? null)} | ${ms(s.latency.a.p50)} | ${ms(s.latency.a.p50 - h.p50 - s.latency.b.p50)} | ${s.differences.h ? "no" : "yes"} |`;
      }),
    );
  }
  if (results.scaling) {
    lines.push(
      "",
      `p95 of (a) here against 1 partnership (${results.scaling.baseline}), same question about partnership p000:`,
      "",
      "| scenario | answer objects here / at 1 | a p95 here | a p95 at 1 | ratio | floor (b) ratio |",
      "| --- | :---: | ---: | ---: | ---: | ---: |",
    );
    for (const s of results.scaling.scenarios)
      lines.push(
        `| ${s.name} | ${s.answerObjects.here} / ${s.answerObjects.baseline} | ${ms(s.p95.here)} | ${ms(s.p95.baseline)} | ${x(s.p95.ratio)} | ${x(s.floorP95Ratio)} |`,
      );
  }
  if (results.loadTest) {
    lines.push(
      "",
      `Load test (autocannon; ${results.loadTest.where}):`,
      "",
      "| query | connections | req/s | API CPU ms/req | autocannon CPU ms/req | Neo4j CPU ms/req | p50 ms | p99 ms | errors | API rss before -> after (MB) |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    );
    for (const r of results.loadTest.runs)
      lines.push(
        `| ${r.target} | ${r.connections} | ${r.requestsPerSecond} | ${r.cpuMsPerRequest ?? "-"} | ${r.clientCpuMsPerRequest ?? "-"} | ${r.neo4jCpuMsPerRequest ?? "-"} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.errors} | ${(r.memoryBefore.rss / 1048576).toFixed(0)} -> ${(r.memoryAfter.rss / 1048576).toFixed(0)} |`,
      );
    const pairs = throughputAgainstFloor(results.loadTest);
    if (pairs.length)
      lines.push(
        "",
        "Throughput against the floor: the floor's queries (b) at the same concurrency, that many callers in a loop through the driver in the benchmark process (the API's figures above are over HTTP from autocannon):",
        "",
        "| query | connections | a req/s | b req/s | a/b | b CPU ms/req | b Neo4j CPU ms/req | b p50 ms | b p99 ms | b errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...pairs.map((p) => {
          const floor = results.loadTest!.floorRuns!.find(
            (f) => f.target === p.target && f.connections === p.connections,
          )!;
          return `| ${p.target} | ${p.connections} | ${p.api} | ${p.floor} | ${x(p.ratio)} | ${floor.cpuMsPerRequest ?? "-"} | ${floor.neo4jCpuMsPerRequest ?? "-"} | ${floor.latencyMs.p50} | ${floor.latencyMs.p99} | ${floor.errors} |`;
        }),
      );
    lines.push(
      "",
      `API heap after a full GC: ${(results.loadTest.heapAfterGc.before / 1048576).toFixed(1)} MB before the load runs, ${(results.loadTest.heapAfterGc.after / 1048576).toFixed(1)} MB after.`,
    );
  }
  lines.push(
    "",
    "Targets:",
    "",
    ...results.targets.map(
      (t) => `- ${t.met === null ? "n/a" : t.met ? "met" : "**missed**"}: ${t.name} (${t.detail})`,
    ),
  );
  return lines.join("\n");
}

/** Replaces the generated part of BENCHMARKS.md with the latest run of each size, largest first. */
export function updateBenchmarksMarkdown(
  file: string,
  runs: { file: string; results: BenchResults }[],
): void {
  const latest = new Map<number, { file: string; results: BenchResults }>();
  for (const run of runs) latest.set(run.results.settings.partnerships, run);
  const body = [...latest.values()]
    .sort((a, b) => b.results.settings.partnerships - a.results.settings.partnerships)
    .map((run) => renderRun(run.results, run.file))
    .join("\n\n");
  if (!existsSync(file)) writeFileSync(file, `# Benchmarks\n\n${START}\n${END}\n`);
  replaceBetweenMarkers(file, { start: START, end: END, what: "the generated results go" }, `\n${body}\n`);
}

/**
 * Writes `body` between a file's two marker lines, keeping everything outside them; refuses,
 * saying what to put back, when the markers are gone.
 */
export function replaceBetweenMarkers(
  file: string,
  markers: {
    start: string;
    end: string;
    /** "the generated results go": the end of the refusal. */ what: string;
  },
  body: string,
): void {
  const current = readFileSync(file, "utf8");
  const start = current.indexOf(markers.start);
  const end = current.indexOf(markers.end);
  if (start < 0 || end < start)
    throw new Error(
      `${file} has lost its markers; put back\n${markers.start}\n${markers.end}\nwhere ${markers.what}.`,
    );
  writeFileSync(file, `${current.slice(0, start + markers.start.length)}\n${body}\n${current.slice(end)}`);
}
