/** V8's hook for formatting a stack: Node's own (source-mapped under tsx) unless replaced. */
type PrepareStackTrace = (error: Error, trace: NodeJS.CallSite[]) => unknown;

/** The function in neo4j-driver-core (lib/result.js) that formats a stack for every Result it makes. */
const DRIVER_CAPTURE = "captureStacktrace";

const UNMAPPED = Symbol.for("governance-graph.unmapped-driver-stacks");

/**
 * `previous`, except for the stacks neo4j-driver captures in advance: those get V8's own frames,
 * unmapped. The driver formats a stack for every Result (each RUN and each COMMIT), only to put it
 * on an error should the query fail; under tsx, Node maps every frame of it through the source
 * maps. Measured (BENCHMARKS.md, session 8): a Result took 63 µs to make with the mapping and 26
 * without, and the mapping was about 6% of the API's CPU under load. A failed query's stack then
 * shows the caller's frames at their positions in the transpiled code; every other stack is as before.
 */
export function unmappedDriverStacks(previous: PrepareStackTrace): PrepareStackTrace {
  const prepare: PrepareStackTrace = (error, trace) =>
    trace[0]?.getFunctionName() === DRIVER_CAPTURE
      ? `${String(error)}\n${trace.map((frame) => `    at ${frame.toString()}`).join("\n")}`
      : previous(error, trace);
  return Object.assign(prepare, { [UNMAPPED]: true });
}

/** Installs unmappedDriverStacks over the process's current formatter, once. */
export function installUnmappedDriverStacks(): void {
  const current = Error.prepareStackTrace as (PrepareStackTrace & { [UNMAPPED]?: true }) | undefined;
  // Node 24 exposes its own formatter here. Where nothing is set, nothing is replaced: a formatter
  // of ours would then have none to hand the other stacks to, and they would lose their mapping.
  if (typeof current !== "function" || current[UNMAPPED]) return;
  Error.prepareStackTrace = unmappedDriverStacks(current);
}
