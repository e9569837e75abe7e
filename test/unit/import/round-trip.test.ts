import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAPPING,
  mapWorkbook,
  planImport,
  planSheets,
  readWorkbook,
  type LeadResolution,
  type PlanState,
} from "../../../src/import/index.ts";
import { renderXlsx } from "../../../src/report/render/index.ts";

const P = "partnership:unit";
const lead = (id: string, name: string) => ({
  id,
  label: "Person",
  name,
  role: "LEAD_OFFICER",
  partnershipId: P,
});

/** A small plan with each kind of thing the sheets carry: refs, titles, a shared ref, leads, dates, progress with RAG, readings. */
export const plan: PlanState = {
  strategy: { id: "strategy:unit-plan", partnershipId: P, title: "Unit plan" },
  objectives: [
    {
      id: "objective:unit:p1",
      partnershipId: P,
      ref: "Priority 1",
      title: "Property crime",
      kind: "PRIORITY",
      parentId: null,
    },
    {
      id: "objective:unit:p2",
      partnershipId: P,
      ref: "Priority 2",
      title: "Anti-social behaviour",
      kind: "PRIORITY",
      parentId: null,
    },
    {
      id: "objective:unit:p2-o1",
      partnershipId: P,
      ref: null,
      title: "Fewer repeat callers",
      kind: "OUTCOME",
      parentId: "objective:unit:p2",
    },
    {
      id: "objective:unit:p1-1",
      partnershipId: P,
      ref: "1",
      title: "Burglary",
      kind: "STRATEGIC_OBJECTIVE",
      parentId: "objective:unit:p1",
    },
    {
      id: "objective:unit:p2-1",
      partnershipId: P,
      ref: "1",
      title: "Hate crime",
      kind: "STRATEGIC_OBJECTIVE",
      parentId: "objective:unit:p2",
    },
  ],
  actions: [
    {
      id: "action:unit:1",
      partnershipId: P,
      ref: null,
      title: "Analytical products to identify highest areas for crime",
      kind: "ACTION",
      dueText: "on going",
      dueDate: null,
      status: null,
      desiredOutcome: null,
      objectiveIds: ["objective:unit:p1"],
      planWide: false,
      leads: [lead("person:unit-gary", "Gary Randall")],
      updates: [
        {
          id: "update:unit:1:q1",
          partnershipId: P,
          period: "2013/14 Q1",
          date: "2013-06-30",
          text: "Predictive analysis.\nNano beats.",
          rag: "GREEN",
        },
        {
          id: "update:unit:1:q3",
          partnershipId: P,
          period: "2013/14 Q3",
          date: "2013-12-31",
          text: "Operation Autumn Nights",
          rag: null,
        },
      ],
    },
    {
      id: "action:unit:2",
      partnershipId: P,
      ref: "2.1",
      title: "Roadshows in hot spot areas",
      kind: "COMMUNICATION",
      dueText: "30.3.2014",
      dueDate: "2014-03-30",
      status: "IN_PROGRESS",
      desiredOutcome: "Residents know how to report",
      objectiveIds: ["objective:unit:p2", "objective:unit:p2-o1", "objective:unit:p1-1"],
      planWide: false,
      leads: [lead("person:unit-gary", "Gary Randall"), lead("person:unit-rb", "Richard Bell")],
      updates: [],
    },
    {
      id: "action:unit:3",
      partnershipId: P,
      ref: "C1",
      title: "A plan-wide commitment",
      kind: "COMMITMENT",
      dueText: null,
      dueDate: "2015-01-31",
      status: "COMPLETE",
      desiredOutcome: null,
      objectiveIds: [],
      planWide: true,
      leads: [],
      updates: [
        {
          id: "update:unit:3:y",
          partnershipId: P,
          period: "2022-2023",
          date: null,
          text: "Done",
          rag: "AMBER",
        },
      ],
    },
  ],
  indicators: [
    {
      id: "indicator:unit:burglary",
      partnershipId: P,
      name: "Reduction in burglary",
      unit: null,
      betterDirection: "DOWN",
      dataSource: "MPS",
      objectiveIds: ["objective:unit:p1"],
      measurements: [
        {
          id: "measurement:unit:burglary:current",
          partnershipId: P,
          period: "Current rolling 12 months",
          date: "2013-03-31",
          value: 4670,
          valueText: "4670",
          comparisonPeriod: "Previous rolling 12 months",
          comparisonValue: 4760,
          change: -1.9,
          changeText: "-1.90%",
          target: -6,
          targetText: "-6.0%",
          rag: "RED",
          note: "MOPAC target",
        },
        {
          id: "measurement:unit:burglary:2014",
          partnershipId: P,
          period: "2014",
          date: null,
          value: 4100.5,
          valueText: null,
          comparisonPeriod: null,
          comparisonValue: null,
          change: null,
          changeText: "tripled",
          target: null,
          targetText: null,
          rag: null,
          note: null,
        },
      ],
    },
    {
      id: "indicator:unit:empty",
      partnershipId: P,
      name: "Hate crime reporting",
      unit: "%",
      betterDirection: null,
      dataSource: null,
      objectiveIds: ["objective:unit:p2-o1"],
      measurements: [],
    },
  ],
};

const everyoneResolves = (state: PlanState): Map<string, LeadResolution> =>
  new Map(
    state.actions.flatMap((a) =>
      a.leads.map((l) => [
        l.name,
        {
          kind: "match",
          lead: { id: l.id, label: l.label, name: l.name, aliases: [], honorific: null, partnershipId: P },
        },
      ]),
    ),
  );

describe("a plan written as sheets and read back", () => {
  it("changes nothing (xlsx round trip, without a database)", async () => {
    const bytes = await renderXlsx(planSheets(plan));
    const workbook = await readWorkbook("unit-plan.xlsx", bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Action plan", "Target outcomes"]);
    const mapped = mapWorkbook(workbook, DEFAULT_MAPPING);
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows.map((r) => r.type)).toEqual([
      "action",
      "action",
      "action",
      "outcome",
      "outcome",
      "outcome",
    ]);
    const result = planImport(mapped.rows, plan, everyoneResolves(plan), new Map(), {
      partnershipId: P,
      strategyId: plan.strategy.id,
      documentId: "doc:import:unit:unit-plan.xlsx",
      mapping: DEFAULT_MAPPING,
    });
    expect(result.errors).toEqual([]);
    expect(result.writes).toEqual({ nodes: [], links: [], unlinks: [] });
    expect(result.totals).toMatchObject({ created: 0, changed: 0 });
    // Everything the sheets state is counted once, as left alone (objective:unit:p2-1 is named by no row).
    expect(result.totals.byLabel).toEqual([
      { label: "Action", created: 0, changed: 0, unchanged: 3 },
      { label: "Indicator", created: 0, changed: 0, unchanged: 2 },
      { label: "Measurement", created: 0, changed: 0, unchanged: 2 },
      { label: "Objective", created: 0, changed: 0, unchanged: 4 },
      { label: "ProgressUpdate", created: 0, changed: 0, unchanged: 3 },
    ]);
    expect(result.rows.map((r) => r.outcome)).toEqual(Array(6).fill("unchanged"));
  });
});
