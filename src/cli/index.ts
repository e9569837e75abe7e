// The commands as functions, for tests; the program itself is main.ts.
export { reportCommand } from "./report-command.ts";
export { runSeed } from "./seed-command.ts";
export { runSeedNew, ScaffoldError } from "./seed-new-command.ts";
export { runCommand } from "./run-command.ts";
export { importCommand } from "./import-command.ts";
