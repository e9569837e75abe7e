import type { Driver } from "neo4j-driver";
import { tapDriver } from "./query-tap.ts";

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

/**
 * The request's view of the shared driver: every query it sends is counted (`executeQuery`,
 * `session.run`, `run` in managed and explicit transactions: a tap, query-tap.ts), so tests and
 * benchmarks can see database round trips per request (generated and custom resolvers alike).
 * @example const counter = { roundTrips: 0 }; const counting = countingDriver(driver, counter);
 */
export function countingDriver(driver: Driver, counter: RoundTripCounter): Driver {
  return tapDriver(driver, (query, parameters) => counted(counter, query, parameters));
}
