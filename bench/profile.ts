/**
 * `node bench/profile.ts <scenario|all> --data-dir <store> [--show-cypher]`: for a store
 * kept by `npm run bench -- --data-dir <store>`, prints how long each scenario takes in-process
 * (JavaScript vs database) and the PROFILE of every Cypher query the API sends for it, including
 * those @neo4j/graphql generates. Used to find why a target was missed (BENCHMARKS.md).
 */
import { Command } from "commander";
import { ensureSchema } from "../src/graph/index.ts";
import { buildDomainModel, readTypeDefs } from "../src/schema-model/index.ts";
import { openBenchDatabase } from "./database/open-bench-database.ts";
import { DEFAULT_SEED, generatePartnership } from "./generate/index.ts";
import { profileScenario } from "./profile/profile-scenario.ts";
import { SCENARIOS } from "./scenarios/index.ts";

const program = new Command("profile")
  .argument("<scenario>", `one of ${SCENARIOS.map((s) => s.name).join(", ")}, or all`)
  .requiredOption("--data-dir <dir>", "a store kept by npm run bench -- --data-dir <dir>")
  .option("--as-of <date>", "as in the benchmark", "2024-06-30")
  .option("--runs <n>", "in-process runs to time", "10")
  .option("--show-cypher", "print the Cypher text too");
program.parse();
const [name] = program.args;
const options = program.opts<{ dataDir: string; asOf: string; runs: string; showCypher?: boolean }>();
const scenarios = name === "all" ? SCENARIOS : SCENARIOS.filter((s) => s.name === name);
if (!scenarios.length)
  throw new Error(
    `Unknown scenario "${name}": use one of ${SCENARIOS.map((s) => s.name).join(", ")}, or all.`,
  );
const database = await openBenchDatabase({
  dataDir: options.dataDir,
  heap: "2g",
  pageCache: "1g",
  log: (line) => console.error(line),
});
try {
  await ensureSchema(database.driver, database.database, buildDomainModel(readTypeDefs()));
  const { landmarks } = generatePartnership(0, DEFAULT_SEED);
  for (const scenario of scenarios) {
    const profile = await profileScenario(
      database.driver,
      database.database,
      scenario,
      landmarks,
      options.asOf,
      Number(options.runs),
    );
    console.log(
      `\n=== ${profile.scenario}: ${profile.executeMs} ms in-process, ${profile.databaseMs} ms of it in the database, ${profile.queries.length} queries`,
    );
    for (const query of profile.queries) {
      console.log(
        `--- ${query.dbHits} db hits, ${query.rows} rows, ${query.cypher.length} characters of Cypher`,
      );
      if (options.showCypher) console.log(query.cypher);
      console.log(query.plan);
    }
  }
} finally {
  await database.close();
}
