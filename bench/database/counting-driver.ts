import type { Driver, ManagedTransaction, Session, Transaction } from "neo4j-driver";

/** Database round trips (queries sent) since the last reset. */
export interface RoundTripCounter {
  count: number;
  /** Called with every query sent (the profiler uses it to capture what @neo4j/graphql generates). */
  onQuery?: (cypher: string, parameters: unknown) => void;
}

function counted(
  counter: RoundTripCounter,
  method: (...a: unknown[]) => unknown,
  target: unknown,
  args: unknown[],
): unknown {
  counter.count++;
  counter.onQuery?.(String(args[0]), args[1]);
  return method.apply(target, args);
}

function countingTransaction<T extends ManagedTransaction | Transaction>(
  tx: T,
  counter: RoundTripCounter,
): T {
  return new Proxy(tx, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === "run")
        return (...args: unknown[]) => counted(counter, value as (...a: unknown[]) => unknown, target, args);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function countingSession(session: Session, counter: RoundTripCounter): Session {
  return new Proxy(session, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value as (...a: unknown[]) => unknown;
      switch (property) {
        case "run":
          return (...args: unknown[]) => counted(counter, method, target, args);
        case "executeRead":
        case "executeWrite":
          return (work: (tx: ManagedTransaction) => unknown, ...rest: unknown[]) =>
            method.apply(target, [
              (tx: ManagedTransaction) => work(countingTransaction(tx, counter)),
              ...rest,
            ]);
        case "beginTransaction":
          return (...args: unknown[]) =>
            countingTransaction(method.apply(target, args) as Transaction, counter);
        default:
          return method.bind(target);
      }
    },
  });
}

/**
 * The driver, counting every query sent through it: `executeQuery`, `session.run`, and `run` in
 * managed or explicit transactions (what @neo4j/graphql, the traversals and the naive resolvers
 * use). Internal calls of the driver go to the real object, so nothing is counted twice.
 * @example const counter = { count: 0 }; const counted = countingDriver(driver, counter);
 */
export function countingDriver(driver: Driver, counter: RoundTripCounter): Driver {
  return new Proxy(driver, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value as (...a: unknown[]) => unknown;
      if (property === "executeQuery") return (...args: unknown[]) => counted(counter, method, target, args);
      if (property === "session")
        return (...args: unknown[]) => countingSession(method.apply(target, args) as Session, counter);
      return method.bind(target);
    },
  });
}
