/**
 * The strategy report's model on a plan not shaped like Barnet's 2013/14 template: themes and a
 * place, with positions and refs written in words, actions serving several objectives, a
 * plan-wide commitment and risk. No database: the query's response is written out here.
 */
import { describe, expect, it } from "vitest";
import type { ActionRowFragment, StrategyReportQuery } from "../../../generated/documents.ts";
import { layoutStrategyReport } from "../../../src/report/layout/index.ts";
import { buildStrategyReport, type ReportContext } from "../../../src/report/model/index.ts";
import { renderMarkdown } from "../../../src/report/render/index.ts";

type Objective = StrategyReportQuery["objectives"][number];

const action = (id: string, extra: Partial<ActionRowFragment> = {}): ActionRowFragment => ({
  id: `action:p:${id}`,
  ref: null,
  position: null,
  title: `Action ${id}`,
  kind: "ACTION",
  dueDate: null,
  dueText: null,
  status: null,
  desiredOutcome: null,
  leadsConnection: { edges: [] },
  updates: [],
  ...extra,
});

const objective = (id: string, extra: Partial<Objective> = {}): Objective => ({
  id: `objective:p:${id}`,
  ref: null,
  position: null,
  title: `Objective ${id}`,
  kind: "THEME",
  category: null,
  description: null,
  leadsConnection: { edges: [] },
  governedBy: [],
  contributesTo: [],
  contributingObjectives: [],
  indicators: [],
  actions: [],
  feedingActions: [],
  risks: [],
  partOfStrategy: [{ id: "strategy:p" }],
  partOfObjective: [],
  ...extra,
});

const shared = action("shared");
const everywhere = action("everywhere", { kind: "COMMITMENT" });
const fed = (...actions: ActionRowFragment[]) => actions.map((a) => ({ id: a.id }));

// Positions say the paper's order: Safer streets (ref "Theme two") comes first.
const streets = objective("streets", {
  ref: "Theme two",
  position: 1,
  title: "Safer streets",
  actions: [action("s2", { position: 2 }), action("s1", { position: 1 }), shared, everywhere],
  feedingActions: fed(action("s1"), action("s2"), shared, everywhere),
  risks: [{ id: "risk:p:streets", kind: "RISK", text: "Funding ends" }],
});
const homes = objective("homes", {
  ref: "Theme one",
  position: 2,
  title: "Safer homes",
  actions: [shared, everywhere],
  feedingActions: fed(shared, everywhere, action("h1")),
});
// Under Safer homes: the flat list names its parent. "Both" serves each of its two wants.
const both = action("both", { title: "Street-by-street visits" });
const hardening = objective("homes-1", {
  ref: "1a",
  title: "Target hardening",
  actions: [action("h1"), both],
  feedingActions: fed(action("h1"), both),
  partOfStrategy: [],
  partOfObjective: [{ id: homes.id }],
});
const marking = objective("homes-2", {
  ref: "1b",
  title: "Property marking",
  actions: [both],
  feedingActions: fed(both),
  partOfStrategy: [],
  partOfObjective: [{ id: homes.id }],
});
// Fed only through the themes that contribute to it: no action of its own.
const town = objective("town", {
  ref: "Theme three",
  position: 3,
  title: "Town centre",
  kind: "PLACE",
  actions: [everywhere],
  feedingActions: fed(everywhere, action("s1"), shared),
  contributingObjectives: [
    { id: streets.id, ref: streets.ref, title: streets.title, partOfStrategy: [] },
    {
      id: "objective:other:x",
      ref: "X",
      title: "Other plan's objective",
      partOfStrategy: [{ id: "strategy:other", title: "Other Plan" }],
    },
  ],
});

const data: StrategyReportQuery = {
  partnerships: [{ id: "partnership:p", name: "Second Partnership" }],
  strategies: [
    {
      id: "strategy:p",
      partnershipId: "partnership:p",
      title: "Community Safety Plan 2024-27",
      kind: "STRATEGY",
      status: "AGREED",
      periodStart: "2024-04-01",
      periodEnd: "2027-03-31",
      summary: null,
      overseenBy: [],
      leadsConnection: { edges: [] },
      supersedes: [],
      supersededBy: [],
      actions: [action("plan", { title: "Publish an annual report", kind: "COMMITMENT" })],
      risks: [{ id: "risk:p:plan", kind: "DEPENDENCY", text: "Partners share data" }],
    },
  ],
  // The response lists them flat, out of order, as a database may.
  objectives: [town, marking, hardening, homes, streets],
  governanceHealth: [],
};

const context: ReportContext = {
  asOf: "2025-01-01",
  asOfReason: "given",
  generatedAt: "2025-01-02T10:00:00.000Z",
  source: "test",
  partnership: { id: "partnership:p", name: "Second Partnership" },
  paper: {
    meeting: null,
    item: null,
    author: null,
    purpose: null,
    recommendations: [],
    part: 1,
    exemption: null,
  },
};

const report = buildStrategyReport(data, context, "strategy:p");
const section = (ref: string) => report.sections.find((s) => s.ref === ref)!;

describe("the strategy report's model follows the plan as recorded", () => {
  it("keeps the recorded order of objectives and actions", () => {
    expect(report.sections.map((s) => s.ref)).toEqual(["Theme two", "Theme one", "Theme three"]);
    expect(section("Theme two").actions.map((a) => a.id)).toEqual([
      "action:p:s1",
      "action:p:s2",
      "action:p:shared",
    ]);
  });

  it("keeps each objective's own kind and levels", () => {
    expect(report.levels).toEqual(["THEME", "PLACE"]);
    expect(section("Theme three").kind).toBe("PLACE");
    expect(section("Theme one").sections.map((s) => [s.ref, s.depth])).toEqual([["1a", 2]]);
    expect(section("Theme one").objectives.map((o) => o.ref)).toEqual(["1b"]);
  });

  it("prints each action once, under the first objective it serves, listing all it serves", () => {
    const printed = report.actions.map((a) => a.id);
    expect(new Set(printed).size).toBe(printed.length);
    expect(printed).toHaveLength(7);
    const all = [...report.sections, ...report.sections.flatMap((s) => s.sections)];
    const shown = all.flatMap((s) => [...s.actions, ...s.communications]).map((a) => a.id);
    expect(shown.filter((id) => id === shared.id)).toHaveLength(1);
    const row = report.actions.find((a) => a.id === shared.id)!;
    expect(row.printedIn?.ref).toBe("Theme two");
    expect(row.serves.map((o) => o.ref)).toEqual(["Theme two", "Theme one"]);
    expect(section("Theme one").fedByElsewhere.map((a) => a.id)).toEqual([shared.id]);
  });

  it("prints an action serving every objective under another with that one, not under the first", () => {
    const row = report.actions.find((a) => a.id === both.id)!;
    expect(row.serves.map((o) => o.ref)).toEqual(["1a", "1b"]);
    expect(row.printedIn?.ref).toBe("Theme one");
    expect(section("Theme one").actions.map((a) => a.id)).toContain(both.id);
    // 1b has nothing else of its own: a line under Theme one, not a section repeating the action.
    expect(section("Theme one").sections[0]!.actions.map((a) => a.id)).toEqual(["action:p:h1"]);
    const markdown = renderMarkdown(layoutStrategyReport(report));
    expect(markdown).toContain("Street-by-street visits<br>Serves every objective under Theme one (2)");
  });

  it("prints what the plan commits to as a whole, and what serves every objective, once, as plan-wide", () => {
    expect(report.commitments.map((a) => a.title)).toEqual(["Action everywhere", "Publish an annual report"]);
    for (const s of report.sections) expect(s.actions.map((a) => a.id)).not.toContain(everywhere.id);
    expect(report.planRisks.map((r) => r.text)).toEqual(["Partners share data"]);
    expect(section("Theme two").risks.map((r) => r.text)).toEqual(["Funding ends"]);
  });

  it("says what feeds an objective with no action of its own, instead of 'No action recorded'", () => {
    const townCentre = section("Theme three");
    expect(townCentre.actions).toEqual([]);
    expect(townCentre.fedByElsewhere.map((a) => a.id)).toEqual(["action:p:s1", shared.id]);
    expect(townCentre.fedFromOtherPlans.through).toEqual([
      expect.objectContaining({ ref: "X", strategy: "Other Plan" }),
    ]);
    const markdown = renderMarkdown(layoutStrategyReport(report));
    const text = markdown.slice(markdown.indexOf("## Theme three"));
    expect(text).not.toContain("No action recorded");
    expect(text).toContain(
      "Also fed by 2 actions printed elsewhere: “Action s1” (under Theme two); “Action shared” (under Theme two).",
    );
  });

  it("prints a template part only where the plan's data has it", () => {
    expect(section("Theme two").parts).toEqual({
      roles: false,
      governance: false,
      outcomes: false,
      actions: true,
      communications: false,
      risks: true,
    });
    const markdown = renderMarkdown(layoutStrategyReport(report));
    expect(markdown).not.toContain("Roles and responsibilities");
    expect(markdown).not.toContain("Governance");
    expect(markdown).not.toContain("Target outcomes");
    expect(markdown).toContain("### 1. Action plan");
    expect(markdown).toContain("### 2. Risks and dependencies");
    expect(markdown).toContain("## Plan-wide commitments");
    expect(markdown).toContain("## Plan-wide risks and dependencies");
    expect(markdown).toContain("7 actions across 3 objectives (2 plan-wide commitments)");
  });
});
