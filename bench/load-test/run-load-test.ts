import autocannon from "autocannon";
import { postGraphQL } from "../measure/graphql-client.ts";
import { startApiChild, type ApiChild, type Memory } from "./api-child.ts";
import { processCpuMs } from "./process-cpu.ts";

export interface LoadTarget {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The floor's (b) hand-written Cypher for the same answer, run at the same concurrency. */
  floor: () => Promise<unknown>;
}

/** The floor (b) under load: `connections` callers in a loop in the benchmark process, through the driver. */
export interface FloorRun {
  target: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  /**
   * CPU time per request of the process answering: the API's for (a), the benchmark's (the
   * driver, as the floor's callers run there) for (b). Each is one Node thread, so 1000 / this is
   * about the most it can serve (absent in results before session 5).
   */
  cpuMsPerRequest?: number;
  /**
   * CPU time per request of Neo4j's JVM over the run, when the benchmark started it (its pid
   * known): the database's share of the machine, which (a) and (b) share with their own
   * (absent in results before session 10 and with NEO4J_URI).
   */
  neo4jCpuMsPerRequest?: number;
}

/** The API (a) under load: the floor's figures, and the API process's memory around the run. */
export interface LoadRun extends FloorRun {
  /** Socket errors + timeouts + non-2xx + responses carrying GraphQL errors: must be 0. */
  errors: number;
  /**
   * CPU time per request of the benchmark's process, where autocannon runs: the load generator's
   * share of the machine, which the floor's callers (plain driver calls) do not pay (absent in
   * results before session 8).
   */
  clientCpuMsPerRequest?: number;
  memoryBefore: Memory;
  memoryAfter: Memory;
}

export interface LoadTestReport {
  where: string;
  runs: LoadRun[];
  /** The floor's queries at the same concurrencies (absent in results before issue 14). */
  floorRuns?: FloorRun[];
  /** Heap after a full GC, before the first run and after the last: "flat" means these are close. */
  heapAfterGc: { before: number; after: number };
  rssAfterGc: { before: number; after: number };
}

const MB = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
const perRequest = (cpuMs: number, requests: number): number =>
  requests > 0 ? Math.round((cpuMs / requests) * 100) / 100 : 0;

/**
 * autocannon against the API in its own process, at each concurrency for `durationSeconds`
 * (bounded in time, loopback only). Every response is checked: a body with "errors" counts.
 */
export async function runLoadTest(options: {
  uri: string;
  database: string;
  targets: LoadTarget[];
  connections: number[];
  durationSeconds: number;
  /** The local Neo4j's JVM, whose CPU is read around every run; absent with NEO4J_URI. */
  neo4jPid?: number | undefined;
  log: (line: string) => void;
}): Promise<LoadTestReport> {
  const api = await startApiChild(options.uri, options.database);
  try {
    const url = `${api.url}/graphql`;
    // Warm the child (schema caches, driver pool, JIT) with each query, then take the baseline.
    for (const target of options.targets)
      for (let i = 0; i < 20; i++) await postGraphQL(url, target.query, target.variables);
    const baseline = await api.memory(true);
    const runs: LoadRun[] = [];
    const floorRuns: FloorRun[] = [];
    // Each API run beside the floor's at the same concurrency, the order alternating, so that what
    // else the machine does at the time slows both alike and the ratio holds (as in the latency runs).
    let pair = 0;
    for (const target of options.targets)
      for (const connections of options.connections) {
        const steps = [
          async () =>
            runs.push(
              await withNeo4jCpu(options.neo4jPid, () => loadApi(api, url, target, connections, options)),
            ),
          async () => {
            const run = await withNeo4jCpu(options.neo4jPid, () =>
              loadFloor(target, connections, options.durationSeconds),
            );
            floorRuns.push(run);
            options.log(
              `[load] ${target.name} floor x${connections}: ${run.requestsPerSecond} req/s, ${run.cpuMsPerRequest} ms CPU/req (Neo4j ${run.neo4jCpuMsPerRequest ?? "-"}), p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, errors ${run.errors}`,
            );
          },
        ];
        for (const step of pair++ % 2 ? steps.reverse() : steps) await step();
      }
    const end = await api.memory(true);
    return {
      where: `API in a child process (pid ${api.pid}, --expose-gc), autocannon in the benchmark process, Neo4j in its own JVM; all on this machine`,
      runs,
      floorRuns,
      heapAfterGc: { before: baseline.heapUsed, after: end.heapUsed },
      rssAfterGc: { before: baseline.rss, after: end.rss },
    };
  } finally {
    await api.stop();
  }
}

/** `run` with Neo4j's CPU per request over it added, when its pid is known and /proc answers. */
async function withNeo4jCpu<T extends FloorRun>(pid: number | undefined, run: () => Promise<T>): Promise<T> {
  const before = pid === undefined ? undefined : processCpuMs(pid);
  const result = await run();
  const after = pid === undefined ? undefined : processCpuMs(pid);
  return before === undefined || after === undefined
    ? result
    : { ...result, neo4jCpuMsPerRequest: perRequest(after - before, result.requests) };
}

/** autocannon against the API child at `connections` for `durationSeconds`, with its CPU and memory around the run. */
async function loadApi(
  api: ApiChild,
  url: string,
  target: LoadTarget,
  connections: number,
  options: { durationSeconds: number; log: (line: string) => void },
): Promise<LoadRun> {
  const memoryBefore = await api.memory();
  const clientCpu = process.cpuUsage();
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: target.query, variables: target.variables }),
    connections,
    duration: options.durationSeconds,
    verifyBody: (body) => !String(body).includes('"errors"'),
  });
  const clientUsed = process.cpuUsage(clientCpu);
  const memoryAfter = await api.memory();
  const requests = result.requests.total;
  const run: LoadRun = {
    target: target.name,
    connections,
    durationSeconds: options.durationSeconds,
    requests,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    cpuMsPerRequest: perRequest((memoryAfter.cpuMs ?? 0) - (memoryBefore.cpuMs ?? 0), requests),
    clientCpuMsPerRequest: perRequest((clientUsed.user + clientUsed.system) / 1000, requests),
    memoryBefore,
    memoryAfter,
  };
  options.log(
    `[load] ${target.name} x${connections}: ${run.requestsPerSecond} req/s, ${run.cpuMsPerRequest} ms CPU/req (autocannon ${run.clientCpuMsPerRequest}), p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, errors ${run.errors}, API rss ${MB(memoryBefore.rss)} -> ${MB(memoryAfter.rss)} MB`,
  );
  return run;
}

/**
 * `connections` concurrent callers of the floor's query for `durationSeconds`, each starting its
 * next request when the last one answers (what autocannon does with its connections).
 */
async function loadFloor(
  target: LoadTarget,
  connections: number,
  durationSeconds: number,
): Promise<FloorRun> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + durationSeconds * 1000;
  const caller = async (): Promise<void> => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await target.floor();
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, caller));
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number): number =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  return {
    target: target.name,
    connections,
    durationSeconds,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    latencyMs: { p50: at(50), p99: at(99), max: Math.round(sorted[sorted.length - 1] ?? 0) },
    errors,
    cpuMsPerRequest: perRequest((used.user + used.system) / 1000, latencies.length),
  };
}
