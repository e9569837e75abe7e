import type { Driver, ManagedTransaction, Session, Transaction } from "neo4j-driver";
import { forward } from "./forward.js";

/** Database round trips (queries sent); reset it to measure a span. */
export interface RoundTripCounter {
  roundTrips: number;
  /** Called with every query sent (the benchmarks' profiler captures what @neo4j/graphql generates). */
  onQuery?: (cypher: string, parameters: unknown) => void;
}

function counted(counter: RoundTripCounter, query: unknown, parameters: unknown): void {
  counter.roundTrips++;
  counter.onQuery?.(String(query), parameters);
}

const countingTransaction = <T extends ManagedTransaction | Transaction>(
  tx: T,
  counter: RoundTripCounter,
): T =>
  forward(tx, {
    run: (...args: Parameters<ManagedTransaction["run"]>) => {
      counted(counter, args[0], args[1]);
      return tx.run(...args);
    },
  });

function countingSession(session: Session, counter: RoundTripCounter): Session {
  return forward(session, {
    run: (...args: Parameters<Session["run"]>) => {
      counted(counter, args[0], args[1]);
      return session.run(...args);
    },
    beginTransaction: (...args: Parameters<Session["beginTransaction"]>) =>
      countingTransaction(session.beginTransaction(...args), counter),
    executeRead: <T>(
      work: (tx: ManagedTransaction) => Promise<T> | T,
      config?: Parameters<Session["executeRead"]>[1],
    ) => session.executeRead((tx) => work(countingTransaction(tx, counter)), config),
    executeWrite: <T>(
      work: (tx: ManagedTransaction) => Promise<T> | T,
      config?: Parameters<Session["executeWrite"]>[1],
    ) => session.executeWrite((tx) => work(countingTransaction(tx, counter)), config),
  });
}

/**
 * The request's view of the shared driver: every query it sends is counted (`executeQuery`,
 * `session.run`, `run` in managed and explicit transactions), so tests and benchmarks can see
 * database round trips per request (generated and custom resolvers alike). The driver's own
 * internal calls go to the real object, so nothing is counted twice.
 * @example const counter = { roundTrips: 0 }; const counting = countingDriver(driver, counter);
 */
export function countingDriver(driver: Driver, counter: RoundTripCounter): Driver {
  return forward(driver, {
    session: (config?: Parameters<Driver["session"]>[0]) => countingSession(driver.session(config), counter),
    executeQuery: (...args: Parameters<Driver["executeQuery"]>) => {
      counted(counter, args[0], args[1]);
      return driver.executeQuery(...args);
    },
  });
}
