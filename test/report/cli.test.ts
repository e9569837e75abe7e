import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportCommand } from "../../src/cli/index.ts";
import { tokenFor, useTestServer } from "../support/api.ts";
import { tempDir } from "./support.ts";

const api = useTestServer();

/** Runs `report ...` as the CLI parses it, letting errors through (the CLI's own runner prints them). */
const report = (...args: string[]): Promise<unknown> =>
  reportCommand((action) => action()).parseAsync(args, { from: "user" });

describe("npm run report -- ... --endpoint URL", () => {
  it("writes the strategy report's CSV from a running API", async () => {
    const out = path.join(tempDir(), "plan.csv");
    await report(
      "strategy",
      "strategy:safer-communities-2011-14",
      "--as-of",
      "2014-03-31",
      "--endpoint",
      `${api.server.url}/graphql`,
      "--out",
      out,
    );
    const rows = parse(readFileSync(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(
      rows.find((r) => r.Action === "To complete 4 Property Roadshow in specific Hot spot areas"),
    ).toMatchObject({
      Lead: "Richard Bell",
      "Due (as written)": "30.3.2014",
    });
  });

  it("writes the body report as HTML, the format taken from --out", async () => {
    const out = path.join(tempDir(), "scpb.html");
    await report("body", "body:scpb", "--as-of", "2016-01-29", "--endpoint", api.server.url, "--out", out);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<h1>Safer Communities Partnership Board: accountability pack</h1>");
    expect(html).toContain("Acquisitive Crime Sub Group");
  });

  it("prints an officer's paper for a Part 2 agenda item as Part 2, with the item's exemption", async () => {
    const out = path.join(tempDir(), "dhr.md");
    const token = await tokenFor({ roles: ["officer"], partnerships: ["partnership:barnet"] });
    await report(
      "body",
      "body:scpb",
      "--meeting",
      "meeting:scpb-2016-01-29",
      "--item",
      "7",
      "--endpoint",
      api.server.url,
      "--token",
      token,
      "--out",
      out,
    );
    const markdown = readFileSync(out, "utf8");
    expect(markdown).toMatch(
      /^\*\*Part 2: exempt, not for publication\*\* \(On the grounds that they involve/,
    );
    expect(markdown).toContain("- **Agenda item:** 7: Domestic Homicide Review Update");
    expect(markdown).toContain("- **Report date:** As at 29 Jan 2016<br>the date of the meeting");
  });

  it("says when the API cannot be reached", async () => {
    await expect(
      report("person", "person:manju-likhman", "--endpoint", "http://127.0.0.1:9/graphql"),
    ).rejects.toThrow("Could not reach the API at http://127.0.0.1:9/graphql");
  });

  it("passes the API's error on with its code", async () => {
    await expect(report("strategy", "strategy:nothing-here", "--endpoint", api.server.url)).rejects.toThrow(
      'No strategy with id "strategy:nothing-here"',
    );
  });
});
