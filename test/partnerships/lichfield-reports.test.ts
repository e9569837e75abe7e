import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReport, reportRequest } from "../../src/report/index.ts";
import type { BodyReport, StrategyReport } from "../../src/report/model/index.ts";
import { countingSource } from "../report/support.ts";

// The reports for the second sample partnership (seeds/lichfield/): the plan's own levels and
// order, each action once, and a board whose members are organisations.
let source: Awaited<ReturnType<typeof countingSource>>;

beforeAll(async () => {
  source = await countingSource();
});
afterAll(async () => {
  await source?.close();
});

const strategyReport = async (id: string): Promise<StrategyReport> =>
  (await makeReport(source, reportRequest("strategy", id, { asOf: "2023-03-31" }))).model as StrategyReport;

describe("report strategy: the Lichfield delivery plans", () => {
  it("follows the 2022-23 plan's numbering: Priority one to four", async () => {
    const report = await strategyReport("strategy:lichfield-dp-2022-23");
    expect(report.sections.map((s) => [s.ref, s.title])).toEqual([
      ["Priority one", "Domestic abuse"],
      ["Priority two", "Anti-social behaviour"],
      ["Priority three", "County lines"],
      ["Priority four", "Violence against women and girls"],
    ]);
  });

  it("lists every 2022-23 action once, the plan-wide commitment with all four priorities it serves", async () => {
    const report = await strategyReport("strategy:lichfield-dp-2022-23");
    const listed = report.actions.map((a) => a.id);
    // 6 + 6 + 4 actions on pages 3, 4 and 6, and the commitment of the fund page.
    expect(listed).toHaveLength(17);
    expect(new Set(listed).size).toBe(17);
    const commitment = report.actions.find((a) => a.id === "action:ldp-2022-23:vulnerability-commitment");
    expect(commitment?.serves).toHaveLength(4);
    // Printed once, with the plan-wide commitments, not under each priority.
    expect(commitment?.printedIn).toBeNull();
    expect(report.commitments.map((a) => a.id)).toContain(commitment?.id);
  });

  it("keeps the 2021-22 plan's levels as recorded: priorities, then places, then approaches", async () => {
    const report = await strategyReport("strategy:lichfield-dp-2021-22");
    expect(report.sections.map((s) => s.kind)).toEqual([
      ...Array(6).fill("PRIORITY"),
      "PLACE",
      "PLACE",
      ...Array(4).fill("CROSS_CUTTING_APPROACH"),
    ]);
    // Priority one's eight actions, each listed once although most serve several wants.
    expect(report.actions.filter((a) => a.id.startsWith("action:ldp-2021-22:asb-"))).toHaveLength(8);
  });
});

describe("report body: the Lichfield District Board", () => {
  it("counts its member organisations as members", async () => {
    const made = await makeReport(
      source,
      reportRequest("body", "body:lichfield-district-board", { asOf: "2023-03-31" }),
    );
    const report = made.model as BodyReport;
    expect(report.members.map((m) => m.id).sort()).toEqual([
      "org:lichfield-district-council",
      "org:staffordshire-county-council",
    ]);
    expect(report.groups.map((g) => g.id).sort()).toEqual([
      "body:lichfield-csp-delivery-group",
      "body:lichfield-health-and-wellbeing-board",
      "body:lichfield-strategic-housing-partnership",
    ]);
  });
});
