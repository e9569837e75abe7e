/**
 * `npm run bench:cost`: calibrates the request cost model against database time. Loads the sample
 * seeds (Barnet and Lichfield, as the tests do) into a throw-away local Neo4j, measures every
 * relationship field's fan-out and every type's candidates and writes src/api/fan-outs.json, then
 * runs every shipped document and generated fan-outs and relationship filters just under the cost limit, and records each one's cost and database time
 * (the result summaries' resultAvailableAfter + resultConsumedAfter, summed over its queries).
 * See BENCHMARKS.md, "The cost limit (issue 12)".
 */
import { Command } from "commander";
import { positive } from "../cli-options.ts";
import { execute, parse, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SignJWT } from "jose";
import {
  buildCostModel,
  buildSchema,
  createContext,
  createTokenVerifier,
  documentCosts,
  relationshipFields,
  REQUEST_LIMITS,
  watchGraphShape,
} from "../../src/api/index.ts";
import { DEVELOPMENT_JWT_SECRET } from "../../src/config/index.ts";
import { ensureSchema } from "../../src/graph/index.ts";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import { DEFAULT_SEED_DIR, loadSeedGraph, validateSeedDirectory } from "../../src/seed/index.ts";
import { today } from "../../src/text/index.ts";
import * as shipped from "../../generated/documents.ts";
import { openBenchDatabase } from "../database/open-bench-database.ts";
import { fanOutDocuments, filterDocuments, hubDocuments } from "./fan-out-documents.ts";
import { recordListLengths } from "./list-lengths.ts";
import { measureFanOuts } from "./measure-fan-outs.ts";
import { shippedVariables } from "./shipped-variables.ts";
import { timingDriver, type DatabaseTime } from "./timing-driver.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const options = new Command("bench:cost")
  .description("Calibrates the request cost model: cost against measured database time.")
  .option("--runs <n>", "timed runs of every document (after one untimed)", positive, 3)
  .option("--timeout-ms <n>", "transaction timeout of every run", positive, 120_000)
  .option("--data-dir <dir>", "keep the Neo4j store here (reused, seeds reloaded)")
  .option("--no-write", "print only: write neither src/api/fan-outs.json nor bench/results")
  .option(
    "--committed-fan-outs",
    "price with src/api/fan-outs.json as committed (as a deployed server does), not with the fan-outs just measured, and leave that file alone: to check the limit on another graph (a national one) without re-calibrating; results go to bench/results/cost-<date>-committed-fan-outs.json",
  )
  .parse()
  .opts<{ runs: number; timeoutMs: number; dataDir?: string; write: boolean; committedFanOuts?: boolean }>();

const log = (line: string) => console.error(line);
const started = new Date();
const database = await openBenchDatabase({
  ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  heap: "1g",
  pageCache: "256m",
  log,
});
try {
  const typeDefs = readTypeDefs();
  const model = buildDomainModel(typeDefs);
  if (!process.env.NEO4J_URI) {
    log("[cost] loading the sample seeds");
    await ensureSchema(database.driver, database.database, model);
    const { graph } = validateSeedDirectory(DEFAULT_SEED_DIR, model);
    await loadSeedGraph(database.driver, graph, model, { database: database.database, reset: true });
  }
  const { records } = await database.driver.executeQuery(
    "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS relationships",
    {},
    { database: database.database },
  );
  const graph = `${records[0]!.get("nodes")} nodes, ${records[0]!.get("relationships")} relationships (${
    process.env.NEO4J_URI ? process.env.NEO4J_URI : "the sample seeds"
  })`;
  log(`[cost] graph: ${graph}; measuring fan-outs`);
  const fanOutStart = Date.now();
  const { table, degrees } = await measureFanOuts(
    database.driver,
    database.database,
    relationshipFields(typeDefs),
    graph,
  );
  log(`[cost] fan-outs measured in ${Date.now() - fanOutStart} ms`);
  const schema = await buildSchema({ driver: database.driver });
  const time: DatabaseTime = { queries: 0, ms: 0 };
  const driver = timingDriver(database.driver, time);
  const token = await new SignJWT({ roles: ["officer"], partnerships: ["partnership:barnet"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("bench-cost")
    .setIssuedAt()
    .setExpirationTime("2h")
    .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
  const verifyToken = createTokenVerifier({});

  const variables = await shippedVariables(database.driver, database.database);
  const documents: { name: string; kind: string; document: DocumentNode; variables: object }[] = [];
  for (const [exported, value] of Object.entries(shipped)) {
    if (!exported.endsWith("Document")) continue;
    const document = value as DocumentNode;
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
    );
    const name = operation?.name?.value ?? exported;
    documents.push({ name, kind: "shipped", document, variables: variables[name] ?? {} });
  }
  const run = async (document: DocumentNode, variableValues: object) =>
    execute({
      schema,
      document,
      variableValues: variableValues as Record<string, unknown>,
      contextValue: await createContext(
        { driver, database: database.database, timeoutMs: options.timeoutMs, verifyToken },
        `Bearer ${token}`,
      ),
    });
  // The lists no relationship measures (traversals, @cypher) are measured in the shipped answers.
  const longest = new Map<string, number>();
  for (const entry of documents) {
    const answer = await run(entry.document, entry.variables);
    if (answer.errors?.length) log(`[cost] ${entry.name} answered an error: ${answer.errors[0]!.message}`);
    recordListLengths(schema, buildCostModel(typeDefs, table), entry.document, answer.data, longest);
  }
  for (const [field, rows] of [...longest].sort(([a], [b]) => a.localeCompare(b)))
    table.fanOuts[field] = rows;
  if (options.write && !options.committedFanOuts)
    writeFileSync(path.join(ROOT, "src/api/fan-outs.json"), `${JSON.stringify(table, null, 2)}\n`);
  // Priced as the server prices: with the graph's node counts and shared nodes as it reads them.
  // (A just-opened big store can take longer than the server waits at start: waited for here.)
  const watch = watchGraphShape(database.driver, database.database, 1_000);
  for (const until = Date.now() + 120_000; !watch.current() && Date.now() < until;)
    await new Promise((resolve) => setTimeout(resolve, 100));
  watch.stop();
  const shape = watch.current();
  const costModel = {
    ...(options.committedFanOuts ? buildCostModel(typeDefs) : buildCostModel(typeDefs, table)),
    ...(shape ? { nodesInGraph: shape.nodes, hubs: shape.hubs } : {}),
  };
  log(
    `[cost] shared nodes priced one by one: ${[...(shape?.hubs.values() ?? [])].reduce((n, hubs) => n + hubs.length, 0)}`,
  );
  for (const generated of hubDocuments(schema, costModel, REQUEST_LIMITS.maxCost))
    documents.push({ name: generated.name, kind: "hub", document: parse(generated.query), variables: {} });
  for (const generated of fanOutDocuments(schema, costModel, REQUEST_LIMITS.maxCost))
    documents.push({
      name: generated.name,
      kind: "fan-out",
      document: parse(generated.query),
      variables: {},
    });
  for (const generated of filterDocuments(schema, costModel, REQUEST_LIMITS.maxCost))
    documents.push({ name: generated.name, kind: "filter", document: parse(generated.query), variables: {} });

  const results = [];
  for (const entry of documents) {
    // Priced as the server prices the request: with its variables.
    const cost =
      [
        ...documentCosts(
          schema,
          costModel,
          entry.document,
          entry.variables as Record<string, unknown>,
        ).values(),
      ][0] ?? 0;
    const runs: { databaseMs: number; queries: number; wallMs: number; bytes: number; error?: string }[] = [];
    for (let attempt = 0; attempt <= options.runs; attempt++) {
      time.ms = 0;
      time.queries = 0;
      const wall = performance.now();
      const result = await run(entry.document, entry.variables);
      // Summaries of queries the answer did not wait for arrive just after it.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const measured = {
        databaseMs: Math.round(time.ms),
        queries: time.queries,
        wallMs: Math.round(performance.now() - wall),
        bytes: JSON.stringify(result.data ?? null).length,
        ...(result.errors?.length ? { error: result.errors[0]!.message } : {}),
      };
      if (attempt > 0) runs.push(measured);
    }
    const databaseMs = runs.map((r) => r.databaseMs).sort((a, b) => a - b);
    const summary = {
      name: entry.name,
      kind: entry.kind,
      cost,
      accepted: cost <= REQUEST_LIMITS.maxCost,
      databaseMsMedian: databaseMs[Math.floor(databaseMs.length / 2)]!,
      databaseMsMax: databaseMs.at(-1)!,
      wallMsMax: Math.max(...runs.map((r) => r.wallMs)),
      queries: runs[0]!.queries,
      bytes: runs[0]!.bytes,
      ...(runs.some((r) => r.error) ? { error: runs.find((r) => r.error)!.error } : {}),
    };
    results.push(summary);
    log(
      `[cost] ${summary.name}: cost ${cost}, database ${summary.databaseMsMedian} ms (max ${summary.databaseMsMax}), ${summary.bytes} bytes${summary.error ? `, ERROR ${summary.error}` : ""}`,
    );
  }
  const refused = results.filter((r) => !r.accepted);
  if (refused.length)
    log(`[cost] over the limit (the server refuses them): ${refused.map((r) => r.name).join("; ")}`);
  const worst = results
    .filter((r) => r.accepted)
    .reduce((a, b) => (b.databaseMsMax > a.databaseMsMax ? b : a));
  const output = {
    command: `npm run bench:cost -- ${process.argv.slice(2).join(" ")}`.trim(),
    started: started.toISOString(),
    finished: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
    limit: REQUEST_LIMITS.maxCost,
    graph,
    runs: options.runs,
    mostExpensiveAccepted: { name: worst.name, cost: worst.cost, databaseMs: worst.databaseMsMax },
    degrees,
    results,
  };
  console.log(
    `Most expensive accepted query: ${worst.name} (cost ${worst.cost} of ${REQUEST_LIMITS.maxCost}): ${worst.databaseMsMax} ms of database time (max of ${options.runs} runs).`,
  );
  if (options.write) {
    const dir = path.join(ROOT, "bench/results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(
      dir,
      `cost-${today(started)}${options.committedFanOuts ? "-committed-fan-outs" : ""}.json`,
    );
    writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
    log(
      `[cost] wrote ${path.relative(ROOT, file)}${options.committedFanOuts ? "" : " and src/api/fan-outs.json"}`,
    );
  }
} finally {
  await database.close();
}
