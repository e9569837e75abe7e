import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { loadConfig } from "../config/index.ts";
import { UserError } from "../errors/index.ts";
import { DEFAULT_BASE_IRI, exportFiles, type ExportFormat, type RdfFormat } from "../export/index.ts";
import { openDatabase } from "../graph/index.ts";
import { buildDomainModel, readTypeDefs } from "../schema-model/index.ts";
import { isIsoDate } from "../text/dates.ts";
import { ANONYMOUS, createReadQuery } from "../traversals/index.ts";

interface ExportOptions {
  partnership: string;
  asOf?: string;
  out?: string;
  format?: RdfFormat;
  baseIri: string;
  includeRestricted?: boolean;
}

const FORMATS: Record<ExportFormat, string> = {
  popolo: "Popolo JSON: persons, organizations (bodies and agencies), memberships, posts",
  org: "the W3C Organization Ontology with FOAF and PROV, as Turtle or JSON-LD",
  csv: "one CSV per label and per relationship type, with ids (--out is a folder)",
};

class ExportOptionError extends UserError {}

/** Parses and checks the options: a caller's mistake is an error naming the option and the fix. */
function checked(format: ExportFormat, options: ExportOptions): ExportOptions {
  if (options.asOf && !isIsoDate(options.asOf))
    throw new ExportOptionError(`--as-of expects a date as YYYY-MM-DD, found "${options.asOf}".`);
  if (format === "csv" && !options.out)
    throw new ExportOptionError("csv writes one file per table: give --out <folder>.");
  return options;
}

async function runExport(format: ExportFormat, options: ExportOptions): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const read = createReadQuery(database.driver, database.database, config.QUERY_TIMEOUT_MS);
    const files = await exportFiles(read, buildDomainModel(readTypeDefs()), {
      format,
      baseIri: options.baseIri,
      ...(options.format ? { rdf: options.format } : {}),
      scope: {
        partnershipId: options.partnership,
        asOf: options.asOf ?? null,
        // The command reads the database directly: what the public sees unless asked otherwise.
        viewer: options.includeRestricted ? { officerOf: [options.partnership] } : ANONYMOUS,
      },
    });
    if (format === "csv") {
      mkdirSync(options.out!, { recursive: true });
      for (const file of files) writeFileSync(path.join(options.out!, file.name), file.body);
      console.error(`Wrote ${files.length} CSV files to ${options.out}.`);
    } else if (options.out) {
      writeFileSync(options.out, files[0]!.body);
      console.error(`Wrote ${options.out}.`);
    } else process.stdout.write(files[0]!.body);
  } finally {
    await database.close();
  }
}

/**
 * `export popolo|org|csv --partnership <id>`: a partnership's structure in open-data formats.
 * @example program.addCommand(exportCommand((action) => action()));
 */
export function exportCommand(run: (action: () => Promise<void>) => Promise<void>): Command {
  const command = new Command("export").description(
    "a partnership's structure as open data (Popolo JSON, W3C ORG, CSV), with provenance; public view by default",
  );
  for (const format of Object.keys(FORMATS) as ExportFormat[]) {
    const sub = command
      .command(format)
      .description(FORMATS[format])
      .requiredOption("--partnership <id>", "the partnership to export, e.g. partnership:barnet")
      .option("--as-of <date>", "only what was valid that day, YYYY-MM-DD (default: everything, with dates)")
      .option(
        "--out <path>",
        format === "csv" ? "folder for the CSV files" : "write to this file (default: stdout)",
      )
      .option("--base-iri <iri>", "prefix that turns ids into IRIs and source links", DEFAULT_BASE_IRI)
      .option(
        "--include-restricted",
        "include contact details, private notes and Part 2 items (officers' view)",
      );
    if (format === "org")
      sub.addOption(
        new Option("--format <format>", "RDF syntax").choices(["turtle", "jsonld"]).default("turtle"),
      );
    sub.action((options: ExportOptions) => run(() => runExport(format, checked(format, options))));
  }
  return command;
}
