import { ID_PREFIX, idProblem } from "../schema-model/index.ts";
import {
  cellText,
  readActionKind,
  readBetterDirection,
  readDate,
  readDue,
  readFigure,
  readNumber,
  readRag,
  readStatus,
  type Due,
  type Figure,
  type Read,
} from "./cell-values.ts";
import { findSheet, readHeader, type Table } from "./find-columns.ts";
import { cellError, ImportError, type CellError } from "./import-error.ts";
import { ACTION_FIELDS, type ActionField, type Mapping, type OutcomeField } from "./mapping.ts";
import { isEmpty, type CellRef, type CellValue, type Located, type Workbook } from "./sheet.ts";

/** The objective cells of a row: a ref (or several, or a title) and a title. */
export interface ObjectiveCells {
  ref?: Located<string>;
  title?: Located<string>;
}

export interface ProgressCells {
  period: string;
  text?: Located<string>;
  rag?: Located<string>;
}

interface RowBase {
  sheet: string;
  row: number;
  objective: ObjectiveCells;
  /** Where each mapped column's cell of this row is, empty or not (for "expected a value here"). */
  where: Partial<Record<string, CellRef>>;
}

/** A row of the action-plan sheet that states an action. Absent fields: the cell is empty. */
export interface ActionRowInput extends RowBase {
  type: "action";
  ref?: Located<string>;
  id?: Located<string>;
  title?: Located<string>;
  kind?: Located<string>;
  leads?: Located<string[]>;
  due?: Located<Due>;
  status?: Located<string>;
  desiredOutcome?: Located<string>;
  progress: ProgressCells[];
}

/** A row with only objective cells: a priority's heading row. */
export interface ObjectiveRowInput extends RowBase {
  type: "objective";
}

/** A row of the target-outcomes sheet: an indicator, and a measurement when it has a period. */
export interface OutcomeRowInput extends RowBase {
  type: "outcome";
  indicator?: Located<string>;
  indicatorId?: Located<string>;
  unit?: Located<string>;
  betterDirection?: Located<string>;
  dataSource?: Located<string>;
  period?: Located<string>;
  date?: Located<string>;
  value?: Located<Figure>;
  comparisonPeriod?: Located<string>;
  comparisonValue?: Located<number>;
  change?: Located<Figure>;
  target?: Located<Figure>;
  rag?: Located<string>;
  note?: Located<string>;
  id?: Located<string>;
}

export type SheetRow = ActionRowInput | ObjectiveRowInput | OutcomeRowInput;

export interface MappedWorkbook {
  rows: SheetRow[];
  errors: CellError[];
  /** Header cells of columns the mapping does not use (reported, never read). */
  ignored: CellRef[];
}

/** Reads one table's data rows into cells by field (carrying objective cells down). */
function* cellsOf<F extends string>(
  table: Table<F>,
  carryDown: readonly string[],
): Generator<{
  row: number;
  field: (field: F) => { cell: CellValue; at: CellRef; carried: boolean } | undefined;
  progress: { period: string; rag: boolean; cell: CellValue; at: CellRef }[];
  where: Partial<Record<string, CellRef>>;
}> {
  const above = new Map<F, { cell: CellValue; at: CellRef }>();
  for (let index = table.headerRow; index < table.sheet.rows.length; index++) {
    const cells = table.sheet.rows[index] ?? [];
    const row = index + 1;
    const byField = new Map<F, { cell: CellValue; at: CellRef; carried: boolean }>();
    const progress: { period: string; rag: boolean; cell: CellValue; at: CellRef }[] = [];
    const where: Partial<Record<string, CellRef>> = {};
    for (const [column, role] of table.columns) {
      const header = table.refs.get(column)!;
      const at: CellRef = { ...header, row };
      const cell = cells[column] ?? null;
      if (role.kind === "field") {
        where[role.field] = at;
        if (!isEmpty(cell)) byField.set(role.field, { cell, at, carried: false });
      } else if (!isEmpty(cell))
        progress.push({ period: role.period, rag: role.kind === "progressRag", cell, at });
    }
    const anything = byField.size > 0 || progress.length > 0;
    // The carried cells go together: a row naming its own objective takes no title from above.
    const own = carryDown.some((field) => byField.has(field as F));
    if (anything && !own) for (const [field, value] of above) byField.set(field, { ...value, carried: true });
    if (own) {
      above.clear();
      for (const field of carryDown) {
        const found = byField.get(field as F);
        if (found) above.set(field as F, { cell: found.cell, at: found.at });
      }
    }
    if (anything) yield { row, field: (field) => byField.get(field), progress, where };
  }
}

/** Reads every mapped cell of a row with its reader, collecting the bad ones. */
function reader<F extends string>(
  field: (field: F) => { cell: CellValue; at: CellRef; carried: boolean } | undefined,
  errors: CellError[],
) {
  return <T>(name: F, read: (cell: CellValue) => Read<T>): Located<T> | undefined => {
    const found = field(name);
    if (!found) return undefined;
    const result = read(found.cell);
    if (result.ok) return { value: result.value, at: found.at, raw: cellText(found.cell) };
    // A carried-down cell is reported once, on its own row.
    if (!found.carried)
      errors.push(cellError(found.at, cellText(found.cell), `${result.expected}.`, result.fix));
    return undefined;
  };
}

/** Sets a field of a row's input to a cell's reading; a cell that is empty or bad leaves it unset. */
const setter =
  <T extends object>(input: T) =>
  <K extends keyof T>(key: K, value: T[K] | undefined): void => {
    if (value !== undefined) input[key] = value;
  };

const text = (cell: CellValue): Read<string> => ({ ok: true, value: cellText(cell) });

const idOf =
  (label: string) =>
  (cell: CellValue): Read<string> => {
    const value = cellText(cell);
    return idProblem(label, value)
      ? {
          ok: false,
          expected: `the id of a ${label}, such as ${ID_PREFIX[label]}:some-slug (lower case letters, digits and - . :)`,
          fix: "copy the id from an export of the plan, or empty the cell to identify the row by its ref.",
        }
      : { ok: true, value };
  };

function splitLeads(separators: string): (cell: CellValue) => Read<string[]> {
  const pattern = new RegExp(`[${separators.replace(/[\\\]^-]/g, "\\$&")}]`);
  return (cell) => ({
    ok: true,
    value: cellText(cell)
      .split(pattern)
      .map((name) => name.replace(/\s+/g, " ").trim())
      .filter(Boolean),
  });
}

/** The cells of either sheet that name a row's objective (the ones `carryDown` may carry). */
const OBJECTIVE_FIELDS = ["objectiveRef", "objective"] as const;
const isObjectiveField = (field: string): boolean => (OBJECTIVE_FIELDS as readonly string[]).includes(field);

/** A row's objective cells, read with the row's reader. */
function objectiveOf(
  read: (name: (typeof OBJECTIVE_FIELDS)[number], reader: typeof text) => Located<string> | undefined,
): ObjectiveCells {
  const objective: ObjectiveCells = {};
  const ref = read("objectiveRef", text);
  const title = read("objective", text);
  if (ref) objective.ref = ref;
  if (title) objective.title = title;
  return objective;
}

/** The action-plan cells that state an action: every one but the objective's. */
const ACTION_CONTENT = ACTION_FIELDS.filter((field) => !isObjectiveField(field));

function actionRows(table: Table<ActionField>, mapping: Mapping, errors: CellError[]): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const { row, field, progress, where } of cellsOf(table, mapping.actions.carryDown)) {
    const read = reader(field, errors);
    const objective = objectiveOf(read);
    const base = { sheet: table.sheet.name, row, objective, where };
    const hasAction =
      progress.length > 0 || ACTION_CONTENT.some((name) => field(name) && !field(name)!.carried);
    if (!hasAction) {
      if (OBJECTIVE_FIELDS.some((name) => field(name)?.carried === false))
        rows.push({ ...base, type: "objective" });
      continue;
    }
    const periods = new Map<string, ProgressCells>();
    for (const cell of progress) {
      const entry = periods.get(cell.period) ?? { period: cell.period };
      periods.set(cell.period, entry);
      if (!cell.rag) entry.text = { value: cellText(cell.cell), at: cell.at };
      else {
        const rag = readRag(cell.cell);
        if (rag.ok) entry.rag = { value: rag.value, at: cell.at, raw: cellText(cell.cell) };
        else errors.push(cellError(cell.at, cellText(cell.cell), `${rag.expected}.`, rag.fix));
      }
    }
    const input: ActionRowInput = { ...base, type: "action", progress: [...periods.values()] };
    const set = setter(input);
    set("ref", read("ref", text));
    set("id", read("id", idOf("Action")));
    set("title", read("title", text));
    set("kind", read("kind", readActionKind));
    set("leads", read("lead", splitLeads(mapping.actions.leadSeparators)));
    set("due", read("due", readDue));
    set(
      "status",
      read("status", (cell) => readStatus(cell, mapping.statuses)),
    );
    set("desiredOutcome", read("desiredOutcome", text));
    rows.push(input);
  }
  return rows;
}

const MEASUREMENT_CONTENT: readonly OutcomeField[] = [
  "period",
  "date",
  "value",
  "comparisonPeriod",
  "comparisonValue",
  "change",
  "target",
  "rag",
  "note",
  "id",
];

function outcomeRows(table: Table<OutcomeField>, mapping: Mapping, errors: CellError[]): SheetRow[] {
  const rows: SheetRow[] = [];
  const carry = mapping.actions.carryDown.filter(isObjectiveField);
  for (const { row, field, where } of cellsOf(table, carry)) {
    const read = reader(field, errors);
    const objective = objectiveOf(read);
    const own = (name: OutcomeField): boolean => field(name)?.carried === false;
    if (!own("indicator") && !own("indicatorId") && !MEASUREMENT_CONTENT.some(own)) {
      if (OBJECTIVE_FIELDS.some(own))
        rows.push({ sheet: table.sheet.name, row, objective, where, type: "objective" });
      continue;
    }
    const input: OutcomeRowInput = { sheet: table.sheet.name, row, objective, where, type: "outcome" };
    const set = setter(input);
    set("indicator", read("indicator", text));
    set("indicatorId", read("indicatorId", idOf("Indicator")));
    set("unit", read("unit", text));
    set("betterDirection", read("betterDirection", readBetterDirection));
    set("dataSource", read("dataSource", text));
    set("period", read("period", text));
    set("date", read("date", readDate));
    set("value", read("value", readFigure));
    set("comparisonPeriod", read("comparisonPeriod", text));
    set("comparisonValue", read("comparisonValue", readNumber));
    set("change", read("change", readFigure));
    set("target", read("target", readFigure));
    set("rag", read("rag", readRag));
    set("note", read("note", text));
    set("id", read("id", idOf("Measurement")));
    rows.push(input);
  }
  return rows;
}

/**
 * Pure: a workbook and a mapping -> the rows it states (actions with their leads, due dates,
 * status and progress by period; objective headings; indicators and measurements), with every
 * bad cell collected rather than the first thrown.
 * @example const { rows, errors } = mapWorkbook(await readWorkbook(name, bytes), DEFAULT_MAPPING);
 */
export function mapWorkbook(workbook: Workbook, mapping: Mapping): MappedWorkbook {
  const errors: CellError[] = [];
  const actionSheet = findSheet(workbook, mapping.actions.sheet, mapping.actions.columns.title);
  const outcomeSheet = findSheet(
    workbook,
    mapping.outcomes.sheet,
    mapping.outcomes.columns.indicator,
    actionSheet,
  );
  if (!actionSheet && !outcomeSheet)
    throw new ImportError(
      `${workbook.fileName}: no sheet has an action column (a header ${mapping.actions.columns.title.map((h) => `"${h}"`).join(" or ")}) or an indicator column (${mapping.outcomes.columns.indicator.map((h) => `"${h}"`).join(" or ")}) in its first rows. Fix: name the columns so, or map the sheet's own headers in a mapping file (--mapping).`,
    );
  const rows: SheetRow[] = [];
  const ignored: CellRef[] = [];
  if (actionSheet) {
    const table = readHeader(
      actionSheet,
      mapping.actions.columns,
      "title",
      mapping.actions.headerRow,
      mapping,
      errors,
      true,
    );
    const fields = new Set<string>(
      [...table.columns.values()].map((role) => (role.kind === "field" ? role.field : role.kind)),
    );
    if (!fields.has("ref") && !fields.has("id"))
      throw new ImportError(
        `sheet "${actionSheet.name}": no column identifies the actions (a header ${[...mapping.actions.columns.ref, ...mapping.actions.columns.id].map((h) => `"${h}"`).join(" or ")}). Fix: add a Ref column (1.1, 1.2...), unique in the plan; the import makes each action's id from the strategy and its ref.`,
      );
    rows.push(...actionRows(table, mapping, errors));
    ignored.push(...table.ignored);
  }
  if (outcomeSheet) {
    const table = readHeader(
      outcomeSheet,
      mapping.outcomes.columns,
      "indicator",
      mapping.outcomes.headerRow,
      mapping,
      errors,
      false,
    );
    rows.push(...outcomeRows(table, mapping, errors));
    ignored.push(...table.ignored);
  }
  return { rows, errors, ignored };
}
