import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cellValues, DEFAULT_MAPPING } from "../../../src/import/index.ts";

const {
  dateInWords,
  numberInWords,
  quarterEnd,
  readBetterDirection,
  readDue,
  readFigure,
  readNumber,
  readRag,
  readStatus,
  writeDue,
  writeFigure,
} = cellValues;

const value = <T>(read: { ok: true; value: T } | { ok: false }): T | "bad" => (read.ok ? read.value : "bad");

describe("dates in words, as UK papers write them", () => {
  it.each([
    ["2014-03-30", "2014-03-30"],
    ["30.3.2014", "2014-03-30"],
    ["30/03/14", "2014-03-30"],
    ["1-7-2013", "2013-07-01"],
    ["30 March 2014", "2014-03-30"],
    ["30th Mar 2014", "2014-03-30"],
    ["Feb-14", "2014-02-28"],
    ["February 2016", "2016-02-29"],
    ["on going", undefined],
    ["TBC", undefined],
    ["31.2.2014", "invalid"],
    ["2014-13-01", "invalid"],
    ["32 May 2014", "invalid"],
  ])("%s -> %s", (text, expected) => expect(dateInWords(text)).toBe(expected));
});

describe("a due cell keeps the words and the date they name", () => {
  it.each([
    ["on going", { dueText: "on going", dueDate: null }],
    ["30.3.2014", { dueText: "30.3.2014", dueDate: "2014-03-30" }],
    [{ date: "2014-03-30" }, { dueText: null, dueDate: "2014-03-30" }],
    ["31.2.2014", "bad"],
  ] as const)("%j", (cell, expected) => expect(value(readDue(cell))).toEqual(expected));
  it.each([
    [{ dueText: "on going", dueDate: null }, "on going"],
    [{ dueText: "30.3.2014", dueDate: "2014-03-30" }, "30.3.2014"],
    [{ dueText: null, dueDate: "2014-03-30" }, { date: "2014-03-30" }],
  ] as const)("writes %j as %j", (due, cell) => expect(writeDue(due)).toEqual(cell));
});

describe("enums by their names or words", () => {
  it.each([
    ["In progress", "IN_PROGRESS"],
    ["IN_PROGRESS", "IN_PROGRESS"],
    ["in-progress", "IN_PROGRESS"],
    ["On going", "ONGOING"],
    ["Completed", "COMPLETE"],
    ["Finished-ish", "bad"],
  ])("status %s -> %s", (cell, expected) =>
    expect(value(readStatus(cell, DEFAULT_MAPPING.statuses))).toBe(expected),
  );
  it.each([
    ["G", "GREEN"],
    ["amber", "AMBER"],
    ["RED", "RED"],
    ["Purple", "bad"],
  ])("RAG %s -> %s", (cell, expected) => expect(value(readRag(cell))).toBe(expected));
  it.each([
    ["Down", "DOWN"],
    ["higher is better", "UP"],
    ["sideways", "bad"],
  ])("better %s -> %s", (cell, expected) => expect(value(readBetterDirection(cell))).toBe(expected));
});

describe("figures: a number cell, or words kept with the number they are", () => {
  it.each([
    ["-4.70%", -4.7],
    ["£1,200", 1200],
    ["+3 pts", 3],
    ["24590", 24590],
    ["865 fewer Burglary victims per year", undefined],
    ["around 25% - 26%", undefined],
  ])("%s -> %s", (text, expected) => expect(numberInWords(text)).toBe(expected));
  it("a number cell is the number only; a text cell keeps its words", () => {
    expect(value(readFigure(24590))).toEqual({ value: 24590 });
    expect(value(readFigure("-1.90%"))).toEqual({ value: -1.9, text: "-1.90%" });
    expect(value(readFigure("tripled"))).toEqual({ text: "tripled" });
    expect(value(readNumber("abc"))).toBe("bad");
    expect(writeFigure(24590, null)).toBe(24590);
    expect(writeFigure(-1.9, "-1.90%")).toBe("-1.90%");
  });

  it("every reading of the sample survives the trip through a cell (the words never contradict the number)", () => {
    const dir = path.resolve(import.meta.dirname, "../../../seeds");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    const pairs = [
      ["value", "valueText"],
      ["change", "changeText"],
      ["target", "targetText"],
    ] as const;
    let checked = 0;
    for (const file of files) {
      const entries =
        (parse(readFileSync(path.join(dir, file), "utf8")) as { entries?: Record<string, unknown>[] })
          .entries ?? [];
      for (const entry of entries.filter((e) => e.Measurement))
        for (const [number, words] of pairs) {
          const cell = writeFigure(
            (entry[number] as number | undefined) ?? null,
            (entry[words] as string | undefined) ?? null,
          );
          if (cell === null) continue;
          checked++;
          const back = value(readFigure(cell));
          expect(back, `${file} ${String(entry.Measurement)} ${number}`).not.toBe("bad");
          const read = back as { value?: number; text?: string };
          if (read.value !== undefined)
            expect(read.value, `${String(entry.Measurement)} ${number}`).toBe(entry[number]);
          expect(read.text ?? null).toBe(entry[words] ?? null);
        }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("quarters of a financial year", () => {
  it.each([
    ["2013/14 Q1", "2013-06-30"],
    ["2013/14 Q3", "2013-12-31"],
    ["2013/14 Q4", "2014-03-31"],
    ["2022-23 Q2", "2022-09-30"],
    ["2022-2023", undefined],
  ])("%s ends %s", (period, end) => expect(quarterEnd(period)).toBe(end));
});
