import type { Driver, ManagedTransaction, Session } from "neo4j-driver";

export interface RoundTripCounter {
  roundTrips: number;
}

/** Binds methods to the real object, so a proxy never breaks the driver's private fields. */
function forward<T extends object>(target: T, override: Partial<Record<PropertyKey, unknown>>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in override) return override[property];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

const countingTransaction = (tx: ManagedTransaction, counter: RoundTripCounter): ManagedTransaction =>
  forward(tx, {
    run: (...args: Parameters<ManagedTransaction["run"]>) => {
      counter.roundTrips++;
      return tx.run(...args);
    },
  });

function countingSession(session: Session, counter: RoundTripCounter): Session {
  return forward(session, {
    run: (...args: Parameters<Session["run"]>) => {
      counter.roundTrips++;
      return session.run(...args);
    },
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
 * The request's view of the shared driver: every query it sends is counted, so tests and
 * benchmarks can see database round trips per request (generated and custom resolvers alike).
 */
export function countingDriver(driver: Driver, counter: RoundTripCounter): Driver {
  return forward(driver, {
    session: (config?: Parameters<Driver["session"]>[0]) => countingSession(driver.session(config), counter),
    executeQuery: (...args: Parameters<Driver["executeQuery"]>) => {
      counter.roundTrips++;
      return driver.executeQuery(...args);
    },
  });
}
