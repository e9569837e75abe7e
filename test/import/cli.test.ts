import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, vi, inject } from "vitest";
import { importCommand, runCommand } from "../../src/cli/index.ts";
import { loadConfig } from "../../src/config/index.ts";
import { tempDir } from "../report/support.ts";
import { testDriver } from "../support/database.ts";
import { footprint, loadImportFixture } from "./fixture.ts";
import { xlsx } from "./sample-plans.ts";

let driver: Driver;
let fixture: Awaited<ReturnType<typeof loadImportFixture>>;
const config = () =>
  loadConfig({
    NEO4J_URI: inject("neo4jUri"),
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
  });

/** `npm run import -- ...` as the CLI parses and runs it: its exit code, what it printed and its errors. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((text: string) => void printed.push(text));
  const errors: string[] = [];
  try {
    const code = await runCommand(
      () =>
        importCommand((action) => action(), config)
          .parseAsync(args, { from: "user" })
          .then(() => undefined),
      {
        error: (text) => errors.push(text),
      },
    );
    return { code, out: printed.join("\n"), err: errors.join("\n") };
  } finally {
    log.mockRestore();
  }
}

beforeAll(async () => {
  driver = testDriver();
  fixture = await loadImportFixture(driver);
});
afterAll(async () => {
  await fixture?.cleanup();
  await driver?.close();
});

describe("npm run import -- <file> --partnership <id> --strategy <id>", () => {
  it("--dry-run prints the rows and writes nothing; without it, writes; a bad cell exits 1 naming it", async () => {
    const dir = tempDir();
    const good = path.join(dir, "cli-plan.xlsx");
    writeFileSync(
      good,
      await xlsx([
        {
          name: "Action plan",
          header: ["Priority", "Ref", "Action", "Lead"],
          rows: [["Priority 1", "C.1", "From the command line", "Richard Bell"]],
        },
      ]),
    );
    const where = ["--partnership", fixture.a.partnershipId, "--strategy", fixture.ids.a.strategy];
    const before = await footprint(driver, fixture.a.partnershipId);
    const dry = await cli(good, ...where, "--dry-run");
    expect(dry).toMatchObject({ code: 0, err: "" });
    expect(dry.out).toContain("cli-plan.xlsx -> " + fixture.ids.a.strategy);
    expect(dry.out).toMatch(/Action plan, row 2 +created +Action action:[^ ]+:c\.1 "From the command line"/);
    expect(await footprint(driver, fixture.a.partnershipId)).toEqual(before);

    const done = await cli(good, ...where);
    expect(done.code).toBe(0);
    expect(done.out).toContain("written in one transaction");
    expect((await footprint(driver, fixture.a.partnershipId)).nodes).toBe(before.nodes + 2); // the action and the file's Document

    const bad = path.join(dir, "cli-bad.xlsx");
    writeFileSync(
      bad,
      await xlsx([
        {
          name: "Action plan",
          header: ["Ref", "Action", "Due date"],
          rows: [["C.2", "Bad date", "31.2.2014"]],
        },
      ]),
    );
    const refused = await cli(bad, ...where);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("1 bad cell(s) in cli-bad.xlsx; nothing was written");
    expect(refused.err).toContain('Action plan, row 2, column C (Due date): found "31.2.2014"');
    expect((await cli(path.join(dir, "missing.xlsx"), ...where)).err).toMatch(
      /missing\.xlsx cannot be read \(ENOENT\)/,
    );
  });
});
