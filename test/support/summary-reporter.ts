import type { Reporter, SerializedError, TestModule, TestSuite } from "vitest/node";

/**
 * Ends the run with one plain "N passed, N failed, N skipped" line that any CI can read. A file
 * that fails to load, a failing hook (whose tests vitest then reports as skipped) and an error
 * outside any test each count as one failure, so the line never says "0 failed" on a red run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    let broken = unhandledErrors.length;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      const suites: (TestModule | TestSuite)[] = [module, ...module.children.allSuites()];
      broken += suites.filter((suite) => suite.errors().length > 0).length;
      // A file that failed with no error recorded against it or its tests (say, a worker that died).
      if (module.state() === "failed" && !suites.some((s) => s.errors().length > 0) && module.ok()) broken++;
    }
    const detail = broken > 0 ? ` (${broken} in files, hooks or outside tests)` : "";
    process.stdout.write(
      `\n${counts.passed} passed, ${counts.failed + broken} failed${detail}, ${counts.skipped} skipped\n`,
    );
  }
}
