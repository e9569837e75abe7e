import type { Driver } from "neo4j-driver";
import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import { buildScope, createReadQuery, type ReadQuery, type Scope } from "../traversals/index.ts";
import { bearerToken, type Claims, type VerifyToken } from "./authenticate.ts";
import { countingDriver, type RoundTripCounter } from "./counting-driver.ts";
import { createLoaders, type Loaders } from "./loaders.ts";
import { viewerOf } from "./viewer.ts";
import { deadlineDriver, requestDeadline, type RequestDeadline } from "./request-deadline.ts";

/** What every resolver sees: the request's token, a fresh DataLoader set, and how to reach the database. */
export interface ApiContext extends Neo4jGraphQLContext {
  /** The caller's verified, normalised claims (absent for anonymous callers); @neo4j/graphql's rules read them too. */
  jwt?: Claims & Record<string, unknown>;
  driver: Driver;
  database: string;
  timeoutMs: number;
  loaders: Loaders;
  /** Runs traversal Cypher for this request (routed read, with the transaction timeout). */
  read: ReadQuery;
  /** Database round trips of this request (generated and custom resolvers), for tests and benchmarks. */
  roundTrips: RoundTripCounter;
  /** Builds the one Scope of a traversal question from its arguments (see src/traversals/scope.ts). */
  scope(args: { partnershipId?: string | null; asOf?: unknown }): Scope;
}

export interface ContextOptions {
  driver: Driver;
  database: string;
  timeoutMs: number;
  verifyToken: VerifyToken;
  /** DEFAULT_PARTNERSHIP: the partnership a question that names none is about; unset: none. */
  defaultPartnership?: string | undefined;
  /** When the request must have answered; default: `timeoutMs` from now. */
  deadline?: RequestDeadline;
}

/**
 * One context per request: loaders are never shared between requests (they cache). The token is
 * verified here, so @neo4j/graphql receives trusted claims as `jwt` and custom resolvers see the same.
 */
export async function createContext(options: ContextOptions, authorization?: string): Promise<ApiContext> {
  const token = bearerToken(authorization);
  const jwt = token ? { ...(await options.verifyToken(token)) } : undefined;
  const roundTrips: RoundTripCounter = { roundTrips: 0 };
  const deadline = options.deadline ?? requestDeadline(options.timeoutMs);
  const driver = countingDriver(deadlineDriver(options.driver, deadline), roundTrips);
  const read = createReadQuery(driver, options.database, options.timeoutMs);
  const context: ApiContext = {
    ...(jwt ? { jwt } : {}),
    driver,
    // @neo4j/graphql runs its Cypher through this (counted) driver instead of the shared one.
    executionContext: driver,
    database: options.database,
    timeoutMs: options.timeoutMs,
    sessionConfig: { database: options.database },
    // The metadata names the writer in the history of every change (src/history).
    transaction: {
      timeout: options.timeoutMs,
      metadata: { actor: (jwt as { sub?: string } | undefined)?.sub ?? null, via: "api" },
    },
    loaders: createLoaders(read),
    read,
    roundTrips,
    scope: (args) =>
      buildScope({ ...args, viewer: viewerOf(jwt), defaultPartnership: options.defaultPartnership }),
  };
  return context;
}
