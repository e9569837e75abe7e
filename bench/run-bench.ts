import { SingleBar, Presets } from "cli-progress";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import {
  buildSchema,
  countingDriver,
  createTokenVerifier,
  startServer,
  type RoundTripCounter,
} from "../src/api/index.ts";
import { ensureSchema } from "../src/graph/index.ts";
import { buildDomainModel, readTypeDefs } from "../src/schema-model/index.ts";
import { openBenchDatabase } from "./database/open-bench-database.ts";
import { generatePartnership } from "./generate/index.ts";
import { loadPartnerships, type LoadReport } from "./load/load-partnerships.ts";
import { runLoadTest } from "./load-test/run-load-test.ts";
import { startAnswerServer } from "./measure/answer-server.ts";
import { inProcessExecutor } from "./measure/in-process.ts";
import { runScenarios } from "./measure/run-scenarios.ts";
import { buildNaiveSchema } from "./naive/index.ts";
import { updateBenchmarksMarkdown } from "./report/markdown.ts";
import { updateReadmeSummary } from "./report/readme-summary.ts";
import {
  judgeTargets,
  machine,
  readAllResults,
  scalingAgainstBaseline,
  writeResults,
  type BenchResults,
} from "./report/results.ts";
import { SCENARIOS } from "./scenarios/index.ts";
import { printSummary } from "./report/print-summary.ts";

export interface BenchOptions {
  partnerships: number;
  iterations: number;
  warmup: number;
  seed: number;
  batchSize: number;
  asOf: string;
  dataDir?: string;
  heap: string;
  pageCache: string;
  loadSeconds: number;
  loadTest: boolean;
  only?: string;
  out: string;
  write: boolean;
  root: string;
  command: string;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const MARKER = "bench-graph.json";

/** The whole benchmark: one runner doing the I/O, the parts it calls are pure or self-contained. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const scenarios = options.only
    ? SCENARIOS.filter((s) => options.only!.split(",").includes(s.name))
    : SCENARIOS;
  if (!scenarios.length)
    throw new Error(
      `--only ${options.only} names no scenario; use some of ${SCENARIOS.map((s) => s.name).join(", ")}.`,
    );
  const loadAtStart = loadavg();
  const model = buildDomainModel(readTypeDefs());
  const database = await openBenchDatabase({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    heap: options.heap,
    pageCache: options.pageCache,
    log,
  });
  try {
    // HISTORY=off (as for the server and the seed CLI): no APOC trigger writing a Change per write.
    const history = process.env.HISTORY !== "off";
    await ensureSchema(database.driver, database.database, model, { history });
    const { records } = await database.driver.executeQuery(
      "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
      {},
      { database: database.database },
    );
    const neo4jVersion = String(records[0]?.get("version") ?? "unknown");

    // 1. The graph: generated and loaded, unless a kept store already holds exactly it.
    const wanted = { partnerships: options.partnerships, seed: options.seed };
    const marker = database.dataDir ? path.join(database.dataDir, MARKER) : undefined;
    const kept =
      marker && database.reused && existsSync(marker)
        ? (JSON.parse(readFileSync(marker, "utf8")) as typeof wanted & { load: LoadReport })
        : undefined;
    let load: BenchResults["load"];
    let graph: BenchResults["graph"];
    if (kept && kept.partnerships === wanted.partnerships && kept.seed === wanted.seed) {
      log(
        `[bench] reusing the store in ${database.dataDir} (${kept.partnerships} partnerships, seed ${kept.seed})`,
      );
      load = { reused: `${database.dataDir}, loaded earlier at ${kept.load.nodesPerSecond} nodes/s` };
      graph = {
        partnerships: kept.partnerships,
        nodes: kept.load.generated.nodes,
        relationships: kept.load.generated.relationships,
      };
    } else {
      if (database.reused && !kept)
        log(
          `[bench] ${database.dataDir} holds a store without ${MARKER}: loading on top of it (MERGE on id).`,
        );
      const bar = new SingleBar(
        {
          format:
            "loading [{bar}] {value}/{total} partnerships | {nodes} nodes, {rels} relationships | {rate} nodes/s",
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 10_000,
        },
        Presets.shades_classic,
      );
      bar.start(options.partnerships, 0, { nodes: 0, rels: 0, rate: 0 });
      const report = await loadPartnerships(database.driver, model, {
        database: database.database,
        partnerships: options.partnerships,
        seed: options.seed,
        batchSize: options.batchSize,
        onBatch: (p) =>
          bar.update(p.partnershipsLoaded, {
            nodes: p.nodesCreated,
            rels: p.relationshipsCreated,
            rate: Math.round(p.nodesCreated / (p.elapsedMs / 1000)),
          }),
      });
      bar.stop();
      log(
        `[bench] loaded ${report.counters.nodesCreated} nodes and ${report.counters.relationshipsCreated} relationships in ${(report.writeMs / 1000).toFixed(1)} s: ${report.nodesPerSecond} nodes/s, ${report.relationshipsPerSecond} relationships/s (generation ${(report.generateMs / 1000).toFixed(1)} s)`,
      );
      log(
        `[bench] slowest loader steps: ${report.slowestSteps.map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)} s (${s.rows} rows)`).join("; ")}`,
      );
      if (marker) writeFileSync(marker, JSON.stringify({ ...wanted, load: report }, null, 2));
      load = report;
      graph = {
        partnerships: options.partnerships,
        nodes: report.generated.nodes,
        relationships: report.generated.relationships,
      };
    }
    await database.driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database: database.database });

    // 2. The ways of asking, in this process: the real API, the naive one and the bare answer server
    // on free ports, the API's schema in-process, the floor; over one counting driver.
    const counter: RoundTripCounter = { roundTrips: 0 };
    const driver = countingDriver(database.driver, counter);
    const serverOptions = {
      driver,
      database: database.database,
      timeoutMs: 60_000,
      host: "127.0.0.1",
      port: 0,
      production: true,
      verifyToken: createTokenVerifier({}),
    };
    const schema = await buildSchema({ driver });
    const api = await startServer({ ...serverOptions, schema });
    const naive = await startServer({ ...serverOptions, schema: buildNaiveSchema() });
    const answers = await startAnswerServer();
    const { landmarks } = generatePartnership(0, options.seed);
    let scenarioResults;
    try {
      const bar = new SingleBar(
        {
          format: "scenarios [{bar}] {value}/{total} iterations",
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 10_000,
        },
        Presets.shades_classic,
      );
      bar.start(options.warmup + options.iterations, 0);
      scenarioResults = await runScenarios({
        scenarios,
        landmarks,
        asOf: options.asOf,
        apiUrl: `${api.url}/graphql`,
        naiveUrl: `${naive.url}/graphql`,
        answers,
        inProcess: inProcessExecutor(schema, serverOptions),
        floor: { driver, database: database.database },
        counter,
        iterations: options.iterations,
        warmup: options.warmup,
        onIteration: (done) => bar.update(done),
      });
      bar.stop();
    } finally {
      await answers.stop();
      await naive.stop();
      await api.stop();
    }

    // 3. Load: the viewer's and the report's queries against the API in its own process.
    const loadTest = options.loadTest
      ? await runLoadTest({
          uri: database.uri,
          database: database.database,
          targets: ["governanceDiagram", "strategyTree"].map((name) => {
            const scenario = SCENARIOS.find((s) => s.name === name)!;
            return {
              name: `${name} (${name === "governanceDiagram" ? "viewer" : "report"})`,
              query: scenario.query,
              variables: scenario.variables(landmarks, options.asOf),
              floor: () =>
                scenario.floor(
                  { driver: database.driver, database: database.database },
                  scenario.variables(landmarks, options.asOf),
                ),
            };
          }),
          connections: [1, 8, 32],
          durationSeconds: options.loadSeconds,
          neo4jPid: database.local?.process.pid,
          log,
        })
      : undefined;

    const partial: Omit<BenchResults, "targets"> = {
      command: options.command,
      date: new Date().toISOString(),
      machine: machine(neo4jVersion, loadAtStart),
      settings: {
        partnerships: options.partnerships,
        seed: options.seed,
        iterations: options.iterations,
        warmup: options.warmup,
        asOf: options.asOf,
        heap: options.heap,
        pageCache: options.pageCache,
        batchSize: options.batchSize,
        history,
        database: database.local ? "local" : "NEO4J_URI",
      },
      graph,
      load,
      scenarios: scenarioResults,
      ...(loadTest ? { loadTest } : {}),
    };
    const scaling = scalingAgainstBaseline(options.out, partial);
    const withScaling = { ...partial, ...(scaling ? { scaling } : {}) };
    const results: BenchResults = { ...withScaling, targets: judgeTargets(withScaling) };
    printSummary(results);
    if (options.write) {
      const file = writeResults(options.out, results);
      const runs = readAllResults(options.out);
      updateBenchmarksMarkdown(path.join(options.root, "BENCHMARKS.md"), runs);
      updateReadmeSummary(path.join(options.root, "README.md"), runs);
      log(`[bench] wrote ${path.relative(options.root, file)}, BENCHMARKS.md and README.md's summary`);
    }
    return results;
  } finally {
    await database.close();
  }
}
