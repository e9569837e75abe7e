import type { Driver, ResultSummary } from "neo4j-driver";
import { tapDriver } from "../../src/api/index.ts";

/** Database time of what was sent through a timing driver: the server's own figures, not the wire's. */
export interface DatabaseTime {
  queries: number;
  /** Sum over queries of resultAvailableAfter + resultConsumedAfter (ms), from each result summary. */
  ms: number;
}

function note(time: DatabaseTime, summary: ResultSummary): void {
  time.queries++;
  time.ms += Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter);
}

/** The driver with every query's database time added to `time` (reset it to measure one request). */
export function timingDriver(driver: Driver, time: DatabaseTime): Driver {
  return tapDriver(
    driver,
    (_query, _parameters, answer) =>
      void answer.then(
        (done) => note(time, done.summary),
        () => undefined,
      ),
  );
}
