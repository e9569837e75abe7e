import type { Reporter, SerializedError, TestModule, TestSuite } from "vitest/node";

/** What a run's closing line counts. */
export interface Summary {
  passed: number;
  /** Tests that failed, `it.fails` tests that passed among them (vitest fails those). */
  failed: number;
  /** Failures outside any test: a file that did not load, a failing hook, an unhandled error. */
  broken: number;
  skipped: number;
  /** `it.fails` tests that failed as they are marked to: not counted as passed. */
  expectedToFail: number;
}

/**
 * Counts a finished run. A file that fails to load, a failing hook (whose tests vitest then reports
 * as skipped) and an error outside any test each count as one failure, so the line never says
 * "0 failed" on a red run.
 */
export function summarize(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
): Summary {
  const summary: Summary = {
    passed: 0,
    failed: 0,
    broken: unhandledErrors.length,
    skipped: 0,
    expectedToFail: 0,
  };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      // vitest reports an `it.fails` test that failed as "passed", and one that passed as "failed".
      if (state === "passed" && test.options.fails) summary.expectedToFail++;
      else if (state === "passed") summary.passed++;
      else if (state === "failed") summary.failed++;
      else summary.skipped++;
    }
    const suites: (TestModule | TestSuite)[] = [module, ...module.children.allSuites()];
    summary.broken += suites.filter((suite) => suite.errors().length > 0).length;
    // A file that failed with no error recorded against it or its tests (say, a worker that died).
    if (module.state() === "failed" && !suites.some((s) => s.errors().length > 0) && module.ok())
      summary.broken++;
  }
  return summary;
}

/** "357 passed, 2 failed (1 in files, hooks or outside tests), 19 skipped[, 1 expected to fail]". */
export function summaryLine(summary: Summary): string {
  const detail = summary.broken > 0 ? ` (${summary.broken} in files, hooks or outside tests)` : "";
  const expected = summary.expectedToFail > 0 ? `, ${summary.expectedToFail} expected to fail` : "";
  return `${summary.passed} passed, ${summary.failed + summary.broken} failed${detail}, ${summary.skipped} skipped${expected}`;
}

/** Ends the run with one plain summary line (summaryLine) that any CI can read. */
export default class SummaryReporter implements Reporter {
  private readonly write: (text: string) => void;

  /** vitest passes a reporter named in the config its options (none here): `write` is for the tests. */
  constructor(options: { write?: (text: string) => void } = {}) {
    this.write = options.write ?? ((text) => process.stdout.write(text));
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    this.write(`\n${summaryLine(summarize(testModules, unhandledErrors))}\n`);
  }
}
