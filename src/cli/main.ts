#!/usr/bin/env node
import { Command } from "commander";
import { loadConfig } from "../config/index.ts";
import { DEFAULT_SEED_DIR } from "../seed/index.ts";
import { ignoreClosedStdout } from "./closed-stdout.ts";
import { exportCommand } from "./export-command.ts";
import { importCommand } from "./import-command.ts";
import { reportCommand } from "./report-command.ts";
import { exitWith, runCommand } from "./run-command.ts";
import { runSeed } from "./seed-command.ts";
import { runSeedNew } from "./seed-new-command.ts";
import { runStart } from "./start-command.ts";
import { runToken } from "./token-command.ts";

ignoreClosedStdout();

/** Runs a command (see runCommand for the exit codes) and ends the process when it is done. */
async function run(action: () => Promise<void>): Promise<void> {
  exitWith(await runCommand(action));
}

const program = new Command("governance-graph").description(
  "A Neo4j knowledge graph of a partnership's governance, behind a GraphQL API.",
);

program
  .command("start")
  .description(
    "start Neo4j (unless NEO4J_URI is set), load the sample seeds into an empty database, serve the API and viewer",
  )
  .option("--seeds <dir>", "seed folder loaded into an empty database", DEFAULT_SEED_DIR)
  .action((options: { seeds: string }) => run(() => runStart(loadConfig(), { seedDir: options.seeds })));

const seed = program
  .command("seed")
  .description("validate the seed files and load them in one transaction (MERGE on id; idempotent)")
  .option("--dir <dir>", "seed folder", DEFAULT_SEED_DIR)
  .option("--check", "validate only; write nothing")
  .option(
    "--partnership <id...>",
    "load only these partnerships (ids or slugs, or shared); by default every partnership in --dir",
  )
  .option(
    "--reset",
    "delete the loaded partnerships' nodes and the relationships their files made first (same transaction): how removed facts and properties go",
  )
  .action((options: { dir: string; check?: boolean; reset?: boolean; partnership?: string[] }) =>
    run(() => runSeed(loadConfig(), options)),
  );
seed
  .command("new <slug>")
  .description("scaffold a seed folder for a new partnership, <dir>/<slug>/, which validates as it is")
  .requiredOption("--name <name>", 'the partnership\'s name, e.g. "Safer North Somerset Partnership"')
  .action((slug: string, options: { name: string }) =>
    run(async () => void runSeedNew({ dir: seed.opts<{ dir: string }>().dir, slug, name: options.name })),
  );

program.addCommand(importCommand(run, loadConfig));
program.addCommand(reportCommand(run));
program.addCommand(exportCommand(run));

program
  .command("token")
  .description(
    "print a bearer token signed with JWT_SECRET (or the development secret), for trying the API and for tests",
  )
  .option("--role <role...>", "officer, editor and/or admin", ["officer"])
  .option("--partnership <id...>", "partnership ids the caller belongs to", ["partnership:barnet"])
  .option("--expires <duration>", "lifetime, e.g. 30m, 1h, 7d", "1h")
  .option("--subject <name>", "who the token is for (recorded as updatedBy on writes)", "developer")
  .action((options: { role: string[]; partnership: string[]; expires: string; subject: string }) =>
    run(() => runToken(loadConfig(), options)),
  );

await program.parseAsync();
