import { describe, expect, it } from "vitest";
import { reportRequest } from "../../../src/report/index.js";

const today = "2025-02-03";

describe("reportRequest: the CLI's arguments as a request", () => {
  it("defaults to Markdown as of today, with the year to today as the meetings period", () => {
    expect(reportRequest("body", "body:scpb", {}, today)).toEqual({
      type: "body",
      id: "body:scpb",
      format: "markdown",
      asOf: today,
      period: { from: "2024-02-04", to: today },
    });
  });
  it("keeps the health checks to one partnership when asked", () =>
    expect(reportRequest("strategy", "s", { partnership: "partnership:barnet" }, today).partnership).toBe(
      "partnership:barnet",
    ));
  it("takes the format from --out's extension", () =>
    expect(reportRequest("strategy", "s", { out: "plan.PDF" }, today).format).toBe("pdf"));
  it("prefers --format to the extension", () =>
    expect(reportRequest("strategy", "s", { out: "plan.txt", format: "csv" }, today).format).toBe("csv"));
  it("dates the period from --as-of", () =>
    expect(reportRequest("body", "b", { asOf: "2016-01-29" }, today).period).toEqual({
      from: "2015-01-30",
      to: "2016-01-29",
    }));
  it("refuses a date that is not YYYY-MM-DD", () =>
    expect(() => reportRequest("strategy", "s", { asOf: "31/03/2014" }, today)).toThrow(
      '--as-of expects a date written YYYY-MM-DD (e.g. 2014-03-31), found "31/03/2014".',
    ));
  it("refuses an impossible date", () =>
    expect(() => reportRequest("strategy", "s", { asOf: "2014-02-30" }, today)).toThrow("--as-of expects"));
  it("refuses an unknown format", () =>
    expect(() => reportRequest("strategy", "s", { format: "docx" }, today)).toThrow(
      '--format expects one of markdown, html, csv, pdf, found "docx".',
    ));
  it("refuses PDF to stdout", () =>
    expect(() => reportRequest("strategy", "s", { format: "pdf" }, today)).toThrow("add --out FILE"));
  it("refuses a token without an endpoint", () =>
    expect(() => reportRequest("strategy", "s", { token: "t" }, today)).toThrow("--token is sent to an API"));
  it("refuses a period that ends before it starts", () =>
    expect(() => reportRequest("body", "b", { from: "2016-02-01", to: "2016-01-01" }, today)).toThrow(
      "--from (2016-02-01) is after --to (2016-01-01)",
    ));
  it("refuses an empty id", () =>
    expect(() => reportRequest("person", " ", {}, today)).toThrow(
      "report person expects an id, e.g. person:kiran-vagarwal.",
    ));
});
