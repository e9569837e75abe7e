import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createVitest, type TestModule } from "vitest/node";
import SummaryReporter, { summarize, summaryLine, type Summary } from "../../support/summary-reporter.ts";

// Runs vitest itself over small fixture files, one for each way a run can go wrong, so the counts
// below are what vitest really reports, not a model of it.
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "summary-fixtures");

describe("the closing summary line", () => {
  const lines: string[] = [];
  const modules = new Map<string, TestModule>();

  beforeAll(async () => {
    const exitCode = process.exitCode;
    const vitest = await createVitest(
      "test",
      {
        root: FIXTURES,
        config: false,
        include: ["*.fixture.ts"],
        watch: false,
        pool: "threads",
        reporters: [
          new SummaryReporter({ write: (text) => lines.push(text) }),
          {
            onTestRunEnd: (testModules: ReadonlyArray<TestModule>) => {
              for (const module of testModules) modules.set(path.basename(module.moduleId), module);
            },
          },
        ],
      },
      {},
    );
    try {
      await vitest.start();
    } finally {
      await vitest.close();
      // The fixtures fail on purpose; their run must not fail this one.
      process.exitCode = exitCode;
    }
  }, 60_000);

  const of = (file: string): Summary => {
    const module = modules.get(file);
    expect(module, `${file} was run`).toBeDefined();
    return summarize([module!], []);
  };
  const zero: Summary = { passed: 0, failed: 0, broken: 0, skipped: 0, expectedToFail: 0 };

  it("counts an it.fails test that fails as expected to fail, not as passed; skips and todos as skipped", () => {
    expect(of("passing.fixture.ts")).toEqual({ ...zero, passed: 1, skipped: 2, expectedToFail: 1 });
  });

  it("counts a failing test and an it.fails test that passes as failures", () => {
    expect(of("failing.fixture.ts")).toEqual({ ...zero, failed: 2 });
  });

  it("counts a failing beforeAll and a failing afterAll as failures (the beforeAll's tests as skipped)", () => {
    expect(of("hooks.fixture.ts")).toEqual({ ...zero, passed: 1, broken: 2, skipped: 2 });
  });

  it("counts a file that does not load as a failure", () => {
    expect(of("unloadable.fixture.ts")).toEqual({ ...zero, broken: 1 });
  });

  it("counts an error outside any test as a failure", () => {
    expect(summarize([], [{ message: "unhandled rejection" } as never])).toEqual({ ...zero, broken: 1 });
  });

  it("ends the run with one line that adds every failure up", () => {
    expect(lines).toEqual([
      "\n2 passed, 5 failed (3 in files, hooks or outside tests), 4 skipped, 1 expected to fail\n",
    ]);
    expect(summaryLine(zero)).toBe("0 passed, 0 failed, 0 skipped");
  });
});
