import { UserError } from "../errors/index.ts";

export interface CommandOutput {
  error(text: string): void;
}

/**
 * Runs a command's action and turns its outcome into an exit code: 0 when it succeeds; 1 for a
 * UserError, printed as its message alone (it says what is wrong and the fix); 2 for anything
 * else, printed with its stack, since that is a bug or a failure nobody foresaw.
 * @example process.exitCode = await runCommand(() => runSeed(loadConfig(), options));
 */
export async function runCommand(
  action: () => Promise<void>,
  output: CommandOutput = { error: (text) => process.stderr.write(`${text}\n`) },
): Promise<number> {
  try {
    await action();
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      output.error(`error: ${error.message}`);
      return 1;
    }
    output.error(
      error instanceof Error ? (error.stack ?? String(error)) : `Unexpected failure: ${String(error)}`,
    );
    return 2;
  }
}

/** How long a finished command may take to exit by itself before it is made to (a socket left hanging on a silent database). */
const EXIT_GRACE_MS = 1_000;

/** Ends the process with `code` once the command is done, even if a handle would keep it alive. */
export function exitWith(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
}
