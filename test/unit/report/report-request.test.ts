import { describe, expect, it } from "vitest";
import { reportRequest } from "../../../src/report/index.ts";

describe("reportRequest: the CLI's arguments as a request", () => {
  it("defaults to Markdown, leaving the date and the partnership to the data", () => {
    expect(reportRequest("body", "body:scpb", {})).toEqual({
      type: "body",
      id: "body:scpb",
      format: "markdown",
      period: {},
      paper: { recommendations: [] },
    });
  });
  it("names the partnership when asked", () =>
    expect(reportRequest("strategy", "s", { partnership: "partnership:barnet" }).partnership).toBe(
      "partnership:barnet",
    ));
  it("takes the format from --out's extension", () =>
    expect(reportRequest("strategy", "s", { out: "plan.PDF" }).format).toBe("pdf"));
  it("prefers --format to the extension", () =>
    expect(reportRequest("strategy", "s", { out: "plan.txt", format: "csv" }).format).toBe("csv"));
  it("keeps --as-of and the meetings period as given", () =>
    expect(reportRequest("body", "b", { asOf: "2016-01-29", from: "2015-01-01" })).toMatchObject({
      asOf: "2016-01-29",
      period: { from: "2015-01-01" },
    }));
  it("refuses a date that is not YYYY-MM-DD", () =>
    expect(() => reportRequest("strategy", "s", { asOf: "31/03/2014" })).toThrow(
      '--as-of expects a date written YYYY-MM-DD (e.g. 2014-03-31), found "31/03/2014".',
    ));
  it("refuses an impossible date", () =>
    expect(() => reportRequest("strategy", "s", { asOf: "2014-02-30" })).toThrow("--as-of expects"));
  it("takes --changes-since and --no-changes for the body pack's changes", () => {
    expect(reportRequest("body", "b", { changesSince: "2026-11-01" }).changes).toEqual({
      since: "2026-11-01",
    });
    expect(reportRequest("body", "b", { changes: false }).changes).toBe("off");
    expect(reportRequest("body", "b", { changes: true }).changes).toBeUndefined();
    expect(() => reportRequest("body", "b", { changesSince: "1 Nov" })).toThrow("--changes-since expects");
    expect(() => reportRequest("body", "b", { changesSince: "2026-11-01", changes: false })).toThrow(
      "--no-changes leaves the changes out",
    );
  });
  it("refuses an unknown format", () =>
    expect(() => reportRequest("strategy", "s", { format: "docx" })).toThrow(
      '--format expects one of markdown, html, csv, pdf, xlsx, found "docx".',
    ));
  it("refuses PDF to stdout", () =>
    expect(() => reportRequest("strategy", "s", { format: "pdf" })).toThrow("add --out FILE"));
  it("refuses a token without an endpoint", () =>
    expect(() => reportRequest("strategy", "s", { token: "t" })).toThrow("--token is sent to an API"));
  it("refuses a period that ends before it starts", () =>
    expect(() => reportRequest("body", "b", { from: "2016-02-01", to: "2016-01-01" })).toThrow(
      "--from (2016-02-01) is after --to (2016-01-01)",
    ));
  it("refuses an empty id", () =>
    expect(() => reportRequest("person", " ", {})).toThrow(
      "report person expects an id, e.g. person:kiran-vagarwal.",
    ));
});

describe("reportRequest: the board paper's options", () => {
  it("keeps the meeting, item, author, purpose and each recommendation", () =>
    expect(
      reportRequest("body", "body:scpb", {
        meeting: "meeting:scpb-2016-01-29",
        item: "6",
        author: "Community Safety Manager",
        purpose: "To assure the board.",
        recommendation: ["Note the pack.", " ", "Agree the leads."],
        part: "2",
        exemption: "Paragraph 2 of Schedule 12A",
      }).paper,
    ).toEqual({
      meeting: "meeting:scpb-2016-01-29",
      item: "6",
      author: "Community Safety Manager",
      purpose: "To assure the board.",
      recommendations: ["Note the pack.", "Agree the leads."],
      part: 2,
      exemption: "Paragraph 2 of Schedule 12A",
    }));
  it("reads --part 1, 2 or 'Part 2'", () => {
    expect(reportRequest("body", "b", { part: "Part 2" }).paper.part).toBe(2);
    expect(reportRequest("body", "b", { part: "1" }).paper.part).toBe(1);
  });
  it("refuses another Part", () =>
    expect(() => reportRequest("body", "b", { part: "3" })).toThrow(
      '--part expects 1 (public business) or 2 (exempt, not for publication), found "3".',
    ));
  it("refuses an exemption on a Part 1 paper", () =>
    expect(() => reportRequest("body", "b", { part: "1", exemption: "Paragraph 1" })).toThrow(
      "--exemption is for Part 2 papers",
    ));
  it("refuses an agenda item without its meeting", () =>
    expect(() => reportRequest("body", "b", { item: "6" })).toThrow(
      "--item names an agenda item of a meeting",
    ));
});
