import type { Driver, ManagedTransaction } from "neo4j-driver";
import { today } from "../text/index.ts";
import { toPlain, type ReadQuery } from "../traversals/index.ts";
import type { CellError } from "./import-error.ts";
import type { ImportTotals, RowReport } from "./import-plan.ts";
import { mapWorkbook } from "./map-rows.ts";
import { readMapping, type Mapping } from "./mapping.ts";
import { leadNames, planImport, type PlanContext } from "./plan-import.ts";
import { findExisting, readPlanState } from "./read-plan-state.ts";
import { readWorkbook } from "./read-workbook.ts";
import { resolveLeads } from "./resolve-leads.ts";
import type { CellRef } from "./sheet.ts";
import { stableIds } from "./stable-ids.ts";
import { importModel } from "./vocabulary.ts";
import { importSteps, type ImportDocument } from "./write-plan.ts";

/** An import's time limit: a plan of a few thousand rows is one transaction. */
export const IMPORT_TIMEOUT_MS = 5 * 60_000;

export interface ImportRequest {
  /** The file's name (its directory is dropped): the Document's id, title and the messages use it. */
  fileName: string;
  content: Uint8Array;
  partnershipId: string;
  strategyId: string;
  /** A mapping file's text (YAML) and name, or a mapping; default: the sample's action-plan layout. */
  mapping?: { text: string; fileName: string } | Mapping;
  /** Report what would be created, changed and left alone; write nothing. */
  dryRun?: boolean;
  /** Who imports: the OS user (CLI) or the token's subject (API); recorded in the transaction's metadata. */
  actor: string;
}

export interface ImportOptions {
  database: string;
  timeoutMs?: number;
  /** Progress through the write's statements; an exception thrown here aborts the whole import. */
  onStep?: (done: number, total: number, description: string) => void | Promise<void>;
  /** The day the Document of a new file is dated (default: today, UTC). */
  today?: string;
}

/** What an import did (or, with dryRun or bad cells, would do), row by row. */
export interface ImportReport {
  fileName: string;
  partnershipId: string;
  strategyId: string;
  dryRun: boolean;
  /** True when the transaction committed the writes (false for a dry run, bad cells, or nothing to write). */
  written: boolean;
  document: { id: string; created: boolean };
  rows: RowReport[];
  totals: ImportTotals;
  /** Every bad cell; when any, nothing was written. */
  errors: CellError[];
  /** Header cells of columns the mapping does not read. */
  ignoredColumns: CellRef[];
}

const txRead =
  (tx: ManagedTransaction): ReadQuery =>
  async (cypher, parameters = {}) =>
    (await tx.run(cypher, parameters)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);

/** The transaction metadata the history of every change records (see docs: "who, when, via what"). */
export const importMetadata = (actor: string, fileName: string) => ({
  actor,
  via: "import",
  source: fileName,
});

/**
 * The one runner of an import: reads the sheet, maps its rows, reads the strategy's plan and
 * resolves its leads inside one transaction, plans the changes (pure), and, unless a cell is bad
 * or it is a dry run, writes them in that same transaction with the metadata
 * `{ actor, via: "import", source }`. Bad cells are returned, not thrown; a file, mapping or
 * strategy that cannot be used is an ImportError.
 * @example const report = await importSpreadsheet(driver, { fileName, content, partnershipId, strategyId, actor: "ana" }, { database: "neo4j" });
 */
export async function importSpreadsheet(
  driver: Driver,
  request: ImportRequest,
  options: ImportOptions,
): Promise<ImportReport> {
  const workbook = await readWorkbook(request.fileName, request.content);
  const mapping =
    request.mapping && "text" in request.mapping
      ? readMapping(request.mapping.text, request.mapping.fileName)
      : (request.mapping ?? readMapping(undefined));
  const mapped = mapWorkbook(workbook, mapping);
  const { partnershipId, strategyId } = request;
  const document: ImportDocument = {
    id: stableIds.document(partnershipId, workbook.fileName),
    title: workbook.fileName,
    fileName: workbook.fileName,
    date: options.today ?? today(),
    kind: "SPREADSHEET",
  };
  const context: PlanContext = { partnershipId, strategyId, documentId: document.id, mapping };
  const model = importModel();
  const sheetOrder = new Map(workbook.sheets.map((sheet, index) => [sheet.name, index]));
  const work = async (tx: ManagedTransaction): Promise<ImportReport> => {
    const read = txRead(tx);
    const state = await readPlanState(read, partnershipId, strategyId);
    const leads = await resolveLeads(read, partnershipId, leadNames(mapped.rows));
    const first = planImport(mapped.rows, state, leads, new Map(), context);
    const existing = await findExisting(read, [...first.lookups, document.id]);
    const plan = planImport(mapped.rows, state, leads, existing, context);
    const errors = [...mapped.errors, ...plan.errors].sort(
      (a, b) =>
        (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
        a.row - b.row ||
        a.column.length - b.column.length ||
        a.column.localeCompare(b.column),
    );
    const { nodes, links, unlinks } = plan.writes;
    const toWrite = nodes.length + links.length + unlinks.length > 0;
    const report: ImportReport = {
      fileName: workbook.fileName,
      partnershipId,
      strategyId,
      dryRun: request.dryRun ?? false,
      written: false,
      document: { id: document.id, created: toWrite && !existing.has(document.id) },
      rows: plan.rows,
      totals: plan.totals,
      errors,
      ignoredColumns: mapped.ignored,
    };
    if (errors.length || request.dryRun || !toWrite) return report;
    const steps = importSteps(plan.writes, { partnershipId, actor: request.actor, document, model });
    for (const [index, step] of steps.entries()) {
      await options.onStep?.(index, steps.length, step.description);
      await step.run(tx);
    }
    await options.onStep?.(steps.length, steps.length, "committing");
    return { ...report, written: true };
  };
  const session = driver.session({ database: options.database });
  try {
    const config = {
      timeout: options.timeoutMs ?? IMPORT_TIMEOUT_MS,
      metadata: importMetadata(request.actor, workbook.fileName),
    };
    return request.dryRun
      ? await session.executeRead(work, config)
      : await session.executeWrite(work, config);
  } finally {
    await session.close();
  }
}
