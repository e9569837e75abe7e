/**
 * `npm run bench:seeds -- --partnerships 300 --out /tmp/seeds-300`: writes N generated
 * partnerships as seed YAML (one folder each, and shared/, as under seeds/), to measure
 * `npm run seed -- --check --dir <out>` at scale (BENCHMARKS.md, "Seed validation").
 */
import { Command, InvalidArgumentError } from "commander";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { SHARED } from "../src/schema-model/index.ts";
import { DEFAULT_SEED, generatePartnership, generateShared, partnershipSlug } from "./generate/index.ts";
import { writeSeedFolder } from "./generate/write-seed-folder.ts";

const program = new Command("bench:seeds")
  .description("write generated partnerships as seed YAML folders")
  .requiredOption("--out <dir>", "folder to write (must be empty or absent)")
  .option(
    "--partnerships <n>",
    "how many partnerships",
    (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1)
        throw new InvalidArgumentError(`expected a whole number >= 1, got ${value}`);
      return n;
    },
    300,
  )
  .option("--seed <n>", "generator seed", (value) => Number(value), DEFAULT_SEED);
program.parse();
const options = program.opts<{ out: string; partnerships: number; seed: number }>();
if (existsSync(options.out) && readdirSync(options.out).length) {
  console.error(`${options.out} is not empty: choose a new folder (or remove it first).`);
  process.exit(1);
}
let files = 0;
let nodes = 0;
try {
  // The national agencies every partnership refers to, as seeds/shared/ holds the real ones.
  files += writeSeedFolder(generateShared(), path.join(options.out, "shared"), SHARED).length;
  for (let index = 0; index < options.partnerships; index++) {
    const { graph, landmarks } = generatePartnership(index, options.seed);
    files += writeSeedFolder(
      graph,
      path.join(options.out, partnershipSlug(index)),
      landmarks.partnershipId,
    ).length;
    nodes += graph.nodes.size;
  }
} catch (error) {
  rmSync(options.out, { recursive: true, force: true });
  throw error;
}
console.log(`${options.partnerships} partnerships, ${files} files, ${nodes} nodes written to ${options.out}`);
