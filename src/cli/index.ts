// The commands as functions, for tests; the program itself is main.ts.
export { reportCommand } from "./report-command.js";
export { runSeed } from "./seed-command.js";
export { runSeedNew, ScaffoldError } from "./seed-new-command.js";
export { runCommand } from "./run-command.js";
export { importCommand } from "./import-command.js";
