import type { Driver, ManagedTransaction, Result, ResultSummary, Session, Transaction } from "neo4j-driver";
import { forward } from "../../src/api/index.js";

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

// Taps the result's own promise (`summary()` would cancel the stream); whoever sent the query
// awaits the same promise, so nothing is read twice.
function tapped(result: Result, time: DatabaseTime): Result {
  result.then(
    (done) => note(time, done.summary),
    () => undefined,
  );
  return result;
}

const timedTransaction = <T extends ManagedTransaction | Transaction>(tx: T, time: DatabaseTime): T =>
  forward(tx, {
    run: (...args: Parameters<ManagedTransaction["run"]>) => tapped(tx.run(...args), time),
  });

function timedSession(session: Session, time: DatabaseTime): Session {
  return forward(session, {
    run: (...args: Parameters<Session["run"]>) => tapped(session.run(...args), time),
    beginTransaction: (...args: Parameters<Session["beginTransaction"]>) =>
      timedTransaction(session.beginTransaction(...args), time),
    executeRead: <T>(
      work: (tx: ManagedTransaction) => Promise<T> | T,
      config?: Parameters<Session["executeRead"]>[1],
    ) => session.executeRead((tx) => work(timedTransaction(tx, time)), config),
    executeWrite: <T>(
      work: (tx: ManagedTransaction) => Promise<T> | T,
      config?: Parameters<Session["executeWrite"]>[1],
    ) => session.executeWrite((tx) => work(timedTransaction(tx, time)), config),
  });
}

/** The driver with every query's database time added to `time` (reset it to measure one request). */
export function timingDriver(driver: Driver, time: DatabaseTime): Driver {
  return forward(driver, {
    session: (config?: Parameters<Driver["session"]>[0]) => timedSession(driver.session(config), time),
    executeQuery: async (...args: Parameters<Driver["executeQuery"]>) => {
      const result = await driver.executeQuery(...args);
      note(time, (result as { summary: ResultSummary }).summary);
      return result;
    },
  });
}
