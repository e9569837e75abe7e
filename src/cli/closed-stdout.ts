/** How writing to a reader that has gone away fails: the first write, then every later one. */
const CLOSED = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

/**
 * A reader that stops reading (`npm run export -- popolo ... | head -1`) is not a failure: what
 * it did not read is dropped and the command ends as it would have (exit 0 when it succeeded),
 * instead of Node's crash on the unhandled EPIPE with a stack. Every command writes through
 * process.stdout (console.log included), so this is installed once, in main.ts. Any other error
 * on stdout is thrown as before.
 * @example ignoreClosedStdout();
 */
export function ignoreClosedStdout(stdout: NodeJS.WritableStream = process.stdout): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (!CLOSED.has(error.code ?? "")) throw error;
  });
}
