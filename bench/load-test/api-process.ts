/**
 * The API alone in its own process, for the load test: the real schema and server (src/api) over
 * the benchmark's Neo4j, so the memory we report is the API's and nothing else's. Started by
 * api-child.ts; talks over the IPC channel: {ready, url} once listening, then answers "memory"
 * (after a full GC when run with --expose-gc) and "stop".
 */
import { buildSchema, createTokenVerifier, startServer } from "../../src/api/index.ts";
import { createDriver } from "../../src/graph/index.ts";

const uri = process.env.BENCH_NEO4J_URI;
if (!uri || !process.send)
  throw new Error(
    "api-process.ts is started by bench/load-test/api-child.ts (it needs BENCH_NEO4J_URI and an IPC channel).",
  );
const database = process.env.BENCH_NEO4J_DATABASE ?? "neo4j";
const driver = createDriver({
  uri,
  username: process.env.NEO4J_USERNAME ?? "neo4j",
  password: process.env.NEO4J_PASSWORD ?? "",
});
const server = await startServer({
  schema: await buildSchema({ driver }),
  driver,
  database,
  timeoutMs: 60_000,
  host: "127.0.0.1",
  port: 0,
  production: true,
  verifyToken: createTokenVerifier({}),
});
process.send({ ready: true, url: server.url });
process.on("message", (message: { type: string; gc?: boolean }) => {
  if (message.type === "memory") {
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send!({ type: "memory", rss, heapUsed, heapTotal, external, cpuMs: (user + system) / 1000 });
  }
  if (message.type === "stop")
    void server
      .stop()
      .then(() => driver.close())
      .then(() => process.exit(0));
});
