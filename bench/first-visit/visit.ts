/**
 * One fresh start, for bench/first-visit/main.ts: opens the store's Neo4j with its query caches
 * cleared, starts the API, runs the warm-up (src/app/warm-up.ts) when asked, then times the
 * viewer's first page load for one partnership (its four first questions at once, over HTTP, as
 * the viewer sends them) and prints one line of JSON. A process of its own each time: V8 starts
 * cold as after a real start.
 */
import { print } from "graphql";
import { buildSchema, createTokenVerifier, startServer } from "../../src/api/index.ts";
import { viewerFirstQuestions, warmUp } from "../../src/app/index.ts";
import { openBenchDatabase } from "../database/open-bench-database.ts";

const [mode, dataDir, partnershipId] = process.argv.slice(2);
if ((mode !== "cold" && mode !== "warm") || !dataDir || !partnershipId)
  throw new Error("visit.ts <cold|warm> <data dir> <partnership id> (run by bench/first-visit/main.ts)");

const database = await openBenchDatabase({ dataDir, heap: "2g", pageCache: "1g", log: () => {} });
try {
  await database.driver.executeQuery("CALL db.clearQueryCaches()", {}, { database: database.database });
  const schema = await buildSchema({ driver: database.driver });
  const verifyToken = createTokenVerifier({});
  const server = await startServer({
    schema,
    driver: database.driver,
    database: database.database,
    timeoutMs: 60_000,
    host: "127.0.0.1",
    port: 0,
    production: true,
    verifyToken,
  });
  try {
    const warm =
      mode === "warm"
        ? await warmUp({
            schema,
            driver: database.driver,
            database: database.database,
            timeoutMs: 60_000,
            verifyToken,
            stopping: () => false,
          })
        : undefined;
    const questions = viewerFirstQuestions(partnershipId);
    const start = performance.now();
    const ms = Object.fromEntries(
      await Promise.all(
        questions.map(async ([name, document, variables]) => {
          const asked = performance.now();
          const response = await fetch(`${server.url}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", "accept-encoding": "br" },
            body: JSON.stringify({ query: print(document), variables }),
          });
          const text = await response.text();
          if (!response.ok || text.includes('"errors"'))
            throw new Error(`${name} failed: ${text.slice(0, 300)}`);
          return [name, Math.round(performance.now() - asked)] as const;
        }),
      ),
    );
    const page = Math.round(performance.now() - start);
    console.log(JSON.stringify({ mode, partnershipId, pageMs: page, questionMs: ms, warmUp: warm }));
  } finally {
    await server.stop();
  }
} finally {
  await database.close();
}
