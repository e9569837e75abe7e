/**
 * `npm run bench:first-visit -- --data-dir <store> [--rounds N] [--partnership <id>]`: the
 * viewer's first page load right after a start, without and with the warm-up `npm start` runs
 * (src/app/warm-up.ts, WARM_UP), side by side: each round starts the store's Neo4j and the API
 * afresh twice, once each way (bench/first-visit/visit.ts, a process of its own each time), and
 * asks about a partnership other than the one the warm-up asks about. Writes
 * bench/results/first-visit-<date>.json; see BENCHMARKS.md, session 11.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { today } from "../../src/text/index.ts";
import { positive } from "../cli-options.ts";
import { machine } from "../report/results.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

const program = new Command("bench:first-visit")
  .requiredOption("--data-dir <dir>", "a store kept by npm run bench -- --data-dir <dir>")
  .option("--rounds <n>", "rounds, each one start without the warm-up and one with it", positive, 2)
  .option("--partnership <id>", "the partnership the first visitor looks at", "partnership:p137");
program.parse();
const options = program.opts<{ dataDir: string; rounds: number; partnership: string }>();
const loadAtStart = loadavg();

interface Visit {
  mode: "cold" | "warm";
  pageMs: number;
  questionMs: Record<string, number>;
  warmUp?: { partnershipId?: string; answered: string[]; failed: unknown[]; ms: number };
}

const visits: Visit[] = [];
for (let round = 0; round < options.rounds; round++)
  for (const mode of ["cold", "warm"] as const) {
    const output = execFileSync(
      process.execPath,
      [path.join(HERE, "visit.ts"), mode, options.dataDir, options.partnership],
      { encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
    );
    const visit = JSON.parse(output.trim().split("\n").at(-1)!) as Visit;
    visits.push(visit);
    console.log(
      `[first-visit] round ${round + 1}, ${mode}: page ${visit.pageMs} ms (${Object.entries(visit.questionMs)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(", ")})${visit.warmUp ? `; the warm-up took ${visit.warmUp.ms} ms` : ""}`,
    );
  }

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pages = (mode: Visit["mode"]): number[] => visits.filter((v) => v.mode === mode).map((v) => v.pageMs);
const [cold, warm] = [median(pages("cold")), median(pages("warm"))];
console.log(
  `[first-visit] page load median: ${cold} ms without the warm-up, ${warm} ms with it (${(warm / cold).toFixed(2)})`,
);

const file = path.join(HERE, "..", "results", `first-visit-${today()}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      command: `npm run bench:first-visit -- --data-dir ${options.dataDir} --rounds ${options.rounds} --partnership ${options.partnership}`,
      date: new Date().toISOString(),
      machine: machine("local (the store's)", loadAtStart),
      medianPageMs: { cold, warm, warmOverCold: Math.round((warm / cold) * 100) / 100 },
      visits,
    },
    null,
    2,
  )}\n`,
);
console.log(`[first-visit] wrote ${path.relative(process.cwd(), file)}`);
