/**
 * `npm run bench -- --partnerships 300`: generate and load N synthetic partnerships, ask every
 * scenario three ways (API, hand-written Cypher, naive resolvers), load-test the viewer's and
 * the report's queries, and write bench/results/<date>-<N>.json and BENCHMARKS.md.
 * See BENCHMARKS.md for what each figure means.
 */
import { Command } from "commander";
import { positive } from "./cli-options.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runBench, type BenchOptions } from "./run-bench.ts";
import { DEFAULT_SEED } from "./generate/index.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const program = new Command("bench")
  .description(
    "Benchmarks the governance-graph API against hand-written Cypher and naive resolvers on generated partnerships.",
  )
  .option("--partnerships <n>", "synthetic partnerships to generate and load (1, 30, 300)", positive, 1)
  .option("--iterations <n>", "timed iterations of every scenario", positive, 30)
  .option("--warmup <n>", "untimed iterations first", positive, 3)
  .option("--seed <n>", "generator seed (the committed results use the default)", positive, DEFAULT_SEED)
  .option("--batch-size <n>", "partnerships per load transaction", positive, 10)
  .option("--as-of <date>", "the date every dated question is asked at", "2024-06-30")
  .option(
    "--data-dir <dir>",
    "keep the Neo4j store here and reuse it when it holds the same graph (default: a temp dir, deleted)",
  )
  .option("--heap <size>", "Neo4j heap of the local database", "2g")
  .option("--page-cache <size>", "Neo4j page cache of the local database", "1g")
  .option("--load-seconds <n>", "duration of each load-test run", positive, 10)
  .option("--no-load-test", "skip the autocannon load test")
  .option("--only <names>", "comma-separated scenario names (default: all)")
  .option("--out <dir>", "where results JSON goes", path.join(ROOT, "bench", "results"))
  .option("--no-write", "print results without writing JSON or BENCHMARKS.md");

program.parse();
const options = program.opts<Omit<BenchOptions, "command" | "root">>();
try {
  await runBench({
    ...options,
    root: ROOT,
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
  });
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
