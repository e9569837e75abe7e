import type { Driver, ManagedTransaction, ResultSummary, Session, Transaction } from "neo4j-driver";
import { forward } from "./forward.ts";

/**
 * Called with every query a tapped driver sends, as it is sent, and its answer: a promise of the
 * result with its summary. Awaiting the answer reads the same promise the sender awaits (a
 * Result's own `then`; `summary()` would cancel the stream), so nothing is read twice.
 */
export type QueryTap = (
  query: unknown,
  parameters: unknown,
  answer: PromiseLike<{ summary: ResultSummary }>,
) => void;

const tapTransaction = <T extends ManagedTransaction | Transaction>(tx: T, tap: QueryTap): T =>
  forward(tx, {
    run: (...args: Parameters<ManagedTransaction["run"]>) => {
      const result = tx.run(...args);
      tap(args[0], args[1], result);
      return result;
    },
  });

function tapSession(session: Session, tap: QueryTap): Session {
  return forward(session, {
    run: (...args: Parameters<Session["run"]>) => {
      const result = session.run(...args);
      tap(args[0], args[1], result);
      return result;
    },
    beginTransaction: (...args: Parameters<Session["beginTransaction"]>) =>
      tapTransaction(session.beginTransaction(...args), tap),
    executeRead: <T>(
      work: (tx: ManagedTransaction) => Promise<T> | T,
      config?: Parameters<Session["executeRead"]>[1],
    ) => session.executeRead((tx) => work(tapTransaction(tx, tap)), config),
    executeWrite: <T>(
      work: (tx: ManagedTransaction) => Promise<T> | T,
      config?: Parameters<Session["executeWrite"]>[1],
    ) => session.executeWrite((tx) => work(tapTransaction(tx, tap)), config),
  });
}

/**
 * The driver with `tap` called for every query it sends (`executeQuery`, `session.run`, `run` in
 * managed and explicit transactions). The driver's own internal calls go to the real object, so
 * nothing is seen twice. The round-trip counter and the benchmark's database timer are taps.
 */
export function tapDriver(driver: Driver, tap: QueryTap): Driver {
  return forward(driver, {
    session: (config?: Parameters<Driver["session"]>[0]) => tapSession(driver.session(config), tap),
    executeQuery: (...args: Parameters<Driver["executeQuery"]>) => {
      const answer = driver.executeQuery(...args);
      tap(args[0], args[1], answer as Promise<{ summary: ResultSummary }>);
      return answer;
    },
  });
}
