import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ImportError } from "./import-error.ts";
import { vocabulary } from "./vocabulary.ts";

/** The columns of the action-plan sheet a mapping can name (README "Spreadsheet import" lists them). */
export const ACTION_FIELDS = [
  "objectiveRef",
  "objective",
  "ref",
  "title",
  "kind",
  "lead",
  "due",
  "status",
  "desiredOutcome",
  "id",
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

/** The columns of the target-outcomes sheet (indicators and their measurements). */
export const OUTCOME_FIELDS = [
  "objectiveRef",
  "objective",
  "indicator",
  "unit",
  "betterDirection",
  "dataSource",
  "period",
  "date",
  "value",
  "comparisonPeriod",
  "comparisonValue",
  "change",
  "target",
  "rag",
  "note",
  "indicatorId",
  "id",
] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

/** How a sheet's columns become actions, objectives, leads, progress and measurements. */
export interface Mapping {
  actions: {
    /** The sheet's name; null: the first sheet with a header of the `title` column. */
    sheet: string | null;
    /** The header row (1-based); null: the first of the sheet's first 20 rows with a `title` header. */
    headerRow: number | null;
    /** Each field's header names (case and spacing ignored); the first is what the export writes. */
    columns: Record<ActionField, string[]>;
    /** The LED_BY role of the people, bodies and organisations named in the lead column. */
    leadRole: string;
    /** Characters that separate several leads in one cell. */
    leadSeparators: string;
    /** Fields whose empty cell takes the value of the cell above (a priority written once per group). */
    carryDown: ActionField[];
    /** The kind of an action the sheet creates when its kind cell is empty. */
    newActionKind: string;
    /** The kind of an objective the sheet creates. */
    newObjectiveKind: string;
  };
  progress: {
    /** A regular expression: a header it matches in full is a progress column of that period. */
    periodPattern: string;
    /** Headers that name a period in other words: { "Qtr 1": "2013/14 Q1" }. */
    periods: Record<string, string>;
    /** The year of headers that name only a quarter ("Q1", "Qtr 1"): "2013/14" makes them "2013/14 Q1". */
    year: string | null;
    /** The header of a period's RAG column; {period} stands for the period. */
    rag: string;
  };
  outcomes: {
    sheet: string | null;
    headerRow: number | null;
    columns: Record<OutcomeField, string[]>;
  };
  /** Words of the status column beyond the enum's own (matched as words: case, spaces, - and _ ignored). */
  statuses: Record<string, string>;
}

/** The layout of the sample's action plans, and of `report strategy <id> --format xlsx`. */
export const DEFAULT_MAPPING: Mapping = {
  actions: {
    sheet: null,
    headerRow: null,
    columns: {
      objectiveRef: ["Objective ref", "Priority/objective", "Priority ref", "Priority"],
      objective: ["Objective", "Objective title", "Priority title"],
      ref: ["Ref", "Ref.", "No.", "No"],
      title: ["Action", "Actions", "Actions/Progress/Comments"],
      kind: ["Kind", "Type"],
      lead: ["Lead", "Lead officer", "Lead officer(s)", "Owner"],
      due: ["Due date", "Due", "Date", "Deadline"],
      status: ["Status"],
      desiredOutcome: ["Desired outcome"],
      id: ["Id", "Action id"],
    },
    leadRole: "LEAD_OFFICER",
    leadSeparators: "/;\n",
    carryDown: ["objectiveRef", "objective"],
    newActionKind: "ACTION",
    newObjectiveKind: "PRIORITY",
  },
  progress: {
    periodPattern: String.raw`\d{4}[/-]\d{2}(\d{2})?( Q[1-4])?`,
    periods: {},
    year: null,
    rag: "{period} RAG",
  },
  outcomes: {
    sheet: null,
    headerRow: null,
    columns: {
      objectiveRef: ["Objective ref", "Priority/objective", "Priority ref", "Priority"],
      objective: ["Objective", "Objective title"],
      indicator: ["Indicator", "Outcome description", "Target outcome"],
      unit: ["Unit"],
      betterDirection: ["Better", "Better direction"],
      dataSource: ["Data source"],
      period: ["Period"],
      date: ["Date", "Period end"],
      value: ["Value"],
      comparisonPeriod: ["Comparison period"],
      comparisonValue: ["Comparison value"],
      change: ["Change"],
      target: ["Target"],
      rag: ["RAG"],
      note: ["Note", "Notes"],
      indicatorId: ["Indicator id"],
      id: ["Id", "Measurement id"],
    },
  },
  statuses: {
    "on going": "ONGOING",
    completed: "COMPLETE",
    done: "COMPLETE",
    "not started": "PLANNED",
    started: "IN_PROGRESS",
    "on track": "IN_PROGRESS",
    canceled: "CANCELLED",
  },
};

const headers = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: "expected a header name or a list of header names",
});
const oneOf = (values: readonly string[]) =>
  z.string().refine((value) => values.includes(value), { error: `expected one of ${values.join(", ")}` });
const sheetName = z.string().min(1).nullable();
const headerRow = z.number().int().min(1).nullable();

function mappingSchema() {
  const words = vocabulary();
  const columns = <F extends string>(fields: readonly F[]) =>
    z.strictObject(
      Object.fromEntries(fields.map((f) => [f, headers.optional()])) as Record<
        F,
        z.ZodOptional<typeof headers>
      >,
    );
  return z.strictObject({
    actions: z
      .strictObject({
        sheet: sheetName.optional(),
        headerRow: headerRow.optional(),
        columns: columns(ACTION_FIELDS).optional(),
        leadRole: oneOf(words.leadRole).optional(),
        leadSeparators: z.string().min(1).optional(),
        carryDown: z.array(z.enum(ACTION_FIELDS)).optional(),
        newActionKind: oneOf(words.actionKind).optional(),
        newObjectiveKind: oneOf(words.objectiveKind).optional(),
      })
      .optional(),
    progress: z
      .strictObject({
        periodPattern: z
          .string()
          .refine(
            (source) => {
              try {
                new RegExp(source);
                return true;
              } catch {
                return false;
              }
            },
            { error: "expected a regular expression" },
          )
          .optional(),
        periods: z.record(z.string(), z.string().min(1)).optional(),
        year: z.string().min(1).nullable().optional(),
        rag: z.string().includes("{period}", { error: "expected a header containing {period}" }).optional(),
      })
      .optional(),
    outcomes: z
      .strictObject({
        sheet: sheetName.optional(),
        headerRow: headerRow.optional(),
        columns: columns(OUTCOME_FIELDS).optional(),
      })
      .optional(),
    statuses: z.record(z.string(), oneOf(words.actionStatus)).optional(),
  });
}

type MappingInput = z.infer<ReturnType<typeof mappingSchema>>;

const list = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

function withColumns<F extends string>(
  defaults: Record<F, string[]>,
  given: Partial<Record<F, string | string[] | undefined>> | undefined,
): Record<F, string[]> {
  const merged = { ...defaults };
  for (const [field, value] of Object.entries(given ?? {}) as [F, string | string[] | undefined][])
    merged[field] = list(value) ?? defaults[field];
  return merged;
}

/** A mapping file's settings over the defaults: each key given replaces the default's. */
function merge(input: MappingInput): Mapping {
  const d = DEFAULT_MAPPING;
  const { columns: actionColumns, ...actions } = input.actions ?? {};
  const { columns: outcomeColumns, ...outcomes } = input.outcomes ?? {};
  return {
    actions: { ...d.actions, ...actions, columns: withColumns(d.actions.columns, actionColumns) },
    progress: { ...d.progress, ...input.progress },
    outcomes: { ...d.outcomes, ...outcomes, columns: withColumns(d.outcomes.columns, outcomeColumns) },
    statuses: { ...d.statuses, ...input.statuses },
  };
}

/**
 * Reads a mapping file (YAML) over the default mapping, validated; a problem is an ImportError
 * naming the file, the setting and what it expects.
 * @example readMapping("actions:\n  columns:\n    lead: Responsible officer\n", "mapping.yaml")
 */
export function readMapping(text: string | undefined | null, fileName = "mapping"): Mapping {
  if (text === undefined || text === null || text.trim() === "") return DEFAULT_MAPPING;
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ImportError(`${fileName}: not valid YAML (${(error as Error).message}).`);
  }
  const result = mappingSchema().safeParse(raw ?? {});
  if (!result.success)
    throw new ImportError(
      `${fileName}: ${result.error.issues
        .map((issue) => {
          const where = issue.path.join(".") || "(top level)";
          const unknown = issue.code === "unrecognized_keys" ? ` (${issue.keys.join(", ")})` : "";
          return `${where}${unknown}: ${issue.message}`;
        })
        .join("; ")}. Fix: see README "Spreadsheet import", the mapping format.`,
    );
  return merge(result.data);
}
