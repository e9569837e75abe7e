/**
 * `npm run bench:load -- --partnerships 300`: seed-load throughput with the history trigger
 * (src/history) and without it, measured side by side in one run: two local Neo4j instances, one
 * with the trigger and one without, and every batch of generated partnerships written to both in
 * turn (the order alternating), so a busy machine slows both alike and the ratio holds. Writes
 * bench/results/<date>-load-<n>.json; BENCHMARKS.md, "Seed load with and without history", says
 * what the figures mean.
 */
import { Command } from "commander";
import { positive } from "../cli-options.ts";
import { SingleBar, Presets } from "cli-progress";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureSchema } from "../../src/graph/index.ts";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import { addCounters, emptyCounters } from "../../src/seed/index.ts";
import { today } from "../../src/text/index.ts";
import { openBenchDatabase, type BenchDatabase } from "../database/open-bench-database.ts";
import { DEFAULT_SEED } from "../generate/index.ts";
import { machine } from "../report/results.ts";
import { planBatches, writeBatch } from "./load-partnerships.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const options = new Command("bench:load")
  .description("Seed-load throughput with and without the history trigger, side by side.")
  .option("--partnerships <n>", "synthetic partnerships to generate and load", positive, 30)
  .option("--batch-size <n>", "partnerships per load transaction", positive, 10)
  .option("--seed <n>", "generator seed", positive, DEFAULT_SEED)
  .option("--heap <size>", "heap of each local Neo4j", "2g")
  .option("--page-cache <size>", "page cache of each local Neo4j", "1g")
  .option("--out <dir>", "where the results JSON goes", path.join(ROOT, "bench", "results"))
  .option("--no-write", "print only")
  .parse()
  .opts<{
    partnerships: number;
    batchSize: number;
    seed: number;
    heap: string;
    pageCache: string;
    out: string;
    write: boolean;
  }>();

if (process.env.NEO4J_URI)
  throw new Error(
    "bench:load starts two local Neo4j instances of its own (one with the history trigger, one without): unset NEO4J_URI.",
  );

const log = (line: string) => console.error(line);
const loadAtStart = loadavg();
const model = buildDomainModel(readTypeDefs());
const sides = [
  { name: "history on", history: true },
  { name: "history off", history: false },
] as const;
const databases: BenchDatabase[] = [];
try {
  for (const side of sides) {
    const database = await openBenchDatabase({ heap: options.heap, pageCache: options.pageCache, log });
    databases.push(database);
    await ensureSchema(database.driver, database.database, model, { history: side.history });
  }
  const { records } = await databases[0]!.driver.executeQuery(
    "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
  );
  const neo4jVersion = String(records[0]?.get("version") ?? "unknown");
  const totals = sides.map(() => ({ ms: 0, counters: emptyCounters() }));
  const ratios: number[] = [];
  const batches = planBatches(model, options);
  const bar = new SingleBar(
    {
      format: "loading [{bar}] {value}/{total} batches, each into both stores",
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  bar.start(batches.length, 0);
  for (const [index, makeBatch] of batches.entries()) {
    const batch = makeBatch();
    const ms = [0, 0];
    // Alternate which store is written first, so neither always meets a warmer machine.
    for (const side of index % 2 === 0 ? [0, 1] : [1, 0]) {
      const database = databases[side]!;
      const start = performance.now();
      const counters = await writeBatch(database.driver, database.database, model, batch);
      ms[side] = performance.now() - start;
      totals[side]!.ms += ms[side]!;
      addCounters(totals[side]!.counters, counters);
    }
    if (batch.partnerships) ratios.push(ms[0]! / ms[1]!);
    bar.update(index + 1);
  }
  bar.stop();
  const perSecond = (side: number) =>
    Math.round(totals[side]!.counters.nodesCreated / (totals[side]!.ms / 1000));
  const sorted = [...ratios].sort((a, b) => a - b);
  const results = {
    date: new Date().toISOString(),
    command: `npm run bench:load -- ${process.argv.slice(2).join(" ")}`.trim(),
    settings: {
      partnerships: options.partnerships,
      batchSize: options.batchSize,
      seed: options.seed,
      heap: options.heap,
      pageCache: options.pageCache,
    },
    machine: machine(neo4jVersion, loadAtStart),
    sides: sides.map((side, i) => ({
      ...side,
      writeMs: Math.round(totals[i]!.ms),
      nodesCreated: totals[i]!.counters.nodesCreated,
      relationshipsCreated: totals[i]!.counters.relationshipsCreated,
      nodesPerSecond: perSecond(i),
    })),
    /** Write time with history over without, per batch of partnerships (the shared entities' batch aside). */
    historyCostRatio: {
      median: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 100) / 100,
      min: Math.round((sorted[0] ?? 0) * 100) / 100,
      max: Math.round((sorted.at(-1) ?? 0) * 100) / 100,
      ofTotals: Math.round((totals[0]!.ms / totals[1]!.ms) * 100) / 100,
    },
  };
  for (const side of results.sides)
    console.log(
      `${side.name}: ${side.nodesCreated} nodes, ${side.relationshipsCreated} relationships in ${(side.writeMs / 1000).toFixed(1)} s of write transactions: ${side.nodesPerSecond} nodes/s`,
    );
  console.log(
    `history costs ${results.historyCostRatio.ofTotals}x the write time (per batch: median ${results.historyCostRatio.median}, ${results.historyCostRatio.min}-${results.historyCostRatio.max}); load average ${results.machine.loadAverage.start.join(" ")} -> ${results.machine.loadAverage.end.join(" ")}`,
  );
  if (options.write) {
    mkdirSync(options.out, { recursive: true });
    const file = path.join(options.out, `${today()}-load-${options.partnerships}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`[bench:load] wrote ${path.relative(process.cwd(), file)}`);
  }
} finally {
  for (const database of databases) await database.close();
}
