import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { Command } from "commander";
import type { Config } from "../config/index.ts";
import { openDatabase } from "../graph/index.ts";
import {
  formatImportReport,
  ImportError,
  importSpreadsheet,
  ImportValidationError,
  type ImportReport,
  type ImportRequest,
} from "../import/index.ts";

export interface ImportOptions {
  partnership: string;
  strategy: string;
  mapping?: string;
  dryRun?: boolean;
}

/** The OS user running the command: who the history records for an import from the command line. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? "unknown";
  }
}

/** A path as the user typed it: npm runs scripts in the package folder, and says where the user was in INIT_CWD. */
const fromUser = (file: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

function readFile(file: string, what: string): Buffer {
  try {
    return readFileSync(fromUser(file));
  } catch (error) {
    throw new ImportError(
      `${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix: check the path.`,
    );
  }
}

/** Pure but for reading the files: the command's arguments as an import request. */
export function importRequest(file: string, options: ImportOptions, actor = osUser()): ImportRequest {
  if (!options.partnership?.startsWith("partnership:"))
    throw new ImportError(
      `--partnership expects a partnership id such as partnership:barnet, found "${options.partnership ?? ""}".`,
    );
  if (!options.strategy?.startsWith("strategy:"))
    throw new ImportError(
      `--strategy expects a strategy id such as strategy:safer-communities-2011-14, found "${options.strategy ?? ""}".`,
    );
  return {
    fileName: path.basename(file),
    content: readFile(file, "The sheet"),
    partnershipId: options.partnership,
    strategyId: options.strategy,
    ...(options.mapping
      ? {
          mapping: {
            text: readFile(options.mapping, "The mapping file").toString("utf8"),
            fileName: options.mapping,
          },
        }
      : {}),
    dryRun: options.dryRun ?? false,
    actor,
  };
}

/** `import <file>`: prints the row-by-row report; bad cells are an ImportValidationError listing each (exit 1, nothing written). */
export async function runImport(config: Config, file: string, options: ImportOptions): Promise<ImportReport> {
  const request = importRequest(file, options);
  const database = await openDatabase(config);
  try {
    const report = await importSpreadsheet(database.driver, request, { database: database.database });
    if (report.errors.length) throw new ImportValidationError(report.fileName, report.errors);
    console.log(formatImportReport(report));
    return report;
  } finally {
    await database.close();
  }
}

export function importCommand(
  run: (action: () => Promise<void>) => Promise<void>,
  config: () => Config,
): Command {
  return new Command("import")
    .description(
      "import an action-plan spreadsheet (.xlsx or .csv) into a strategy: actions, objectives, leads, due dates, status, progress by period, measurements; one transaction, idempotent",
    )
    .argument("<file>", "the sheet: .xlsx (every sheet read) or .csv (UTF-8)")
    .requiredOption("--partnership <id>", "the partnership whose plan it is (e.g. partnership:barnet)")
    .requiredOption(
      "--strategy <id>",
      "the strategy whose plan the sheet is (e.g. strategy:safer-communities-2011-14)",
    )
    .option(
      "--mapping <mapping.yaml>",
      "which columns hold what (default: the sample action plans' layout; README)",
    )
    .option("--dry-run", "print what would be created, changed and left alone, row by row; write nothing")
    .action((file: string, options: ImportOptions) =>
      run(async () => {
        await runImport(config(), file, options);
      }),
    );
}
