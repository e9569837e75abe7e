/** V8's hook for formatting a stack: Node's own unless replaced. */
type PrepareStackTrace = (error: Error, trace: NodeJS.CallSite[]) => unknown;

/** The function in neo4j-driver-core (lib/result.js) that formats a stack for every Result it makes. */
const DRIVER_CAPTURE = "captureStacktrace";

const INSTALLED = Symbol.for("governance-graph.caller-only-driver-stacks");

/** A frame of a dependency or of Node itself, not of this project's code. */
const notOurs = (file: string | null | undefined): boolean =>
  !file || file.includes("/node_modules/") || file.startsWith("node:");

/**
 * `previous`, except for the stacks neo4j-driver captures in advance: those keep only the frames
 * of this project's code. The driver formats a stack for every Result (each RUN and each COMMIT),
 * only to put it on an error should the query fail; its first frames are always its own, and
 * Node's formatter took about 47 µs a stack to write them all out, 3-4% of the API's CPU on a
 * small request (BENCHMARKS.md, session 9). A failed query's error still names the code that
 * asked it, where that code is among the frames V8 captured; every other stack is as before.
 */
export function callerOnlyDriverStacks(previous: PrepareStackTrace): PrepareStackTrace {
  const prepare: PrepareStackTrace = (error, trace) => {
    if (trace[0]?.getFunctionName() !== DRIVER_CAPTURE) return previous(error, trace);
    let stack = String(error);
    for (const frame of trace) if (!notOurs(frame.getFileName())) stack += `\n    at ${frame.toString()}`;
    return stack;
  };
  return Object.assign(prepare, { [INSTALLED]: true });
}

/** Installs callerOnlyDriverStacks over the process's current formatter, once. */
export function installCallerOnlyDriverStacks(): void {
  const current = Error.prepareStackTrace as (PrepareStackTrace & { [INSTALLED]?: true }) | undefined;
  // Node 24 exposes its own formatter here. Where nothing is set, nothing is replaced: a formatter
  // of ours would then have none to hand the other stacks to.
  if (typeof current !== "function" || current[INSTALLED]) return;
  Error.prepareStackTrace = callerOnlyDriverStacks(current);
}
