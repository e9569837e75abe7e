import type { Driver } from "neo4j-driver";
import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import { createReadQuery, type ReadQuery } from "../traversals/index.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** What every resolver sees: the request's token, a fresh DataLoader set, and how to reach the database. */
export interface ApiContext extends Neo4jGraphQLContext {
  token?: string;
  driver: Driver;
  database: string;
  timeoutMs: number;
  loaders: Loaders;
  /** Runs traversal Cypher for this request (routed read, with the transaction timeout). */
  read: ReadQuery;
  /** Traversal round trips of this request, for tests and benchmarks. */
  roundTrips: { roundTrips: number };
}

export interface ContextOptions {
  driver: Driver;
  database: string;
  timeoutMs: number;
}

/** Pulls the bearer token from an Authorization header ("Bearer <jwt>"); undefined for anonymous callers. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? "");
  return match?.[1];
}

/** One context per request: loaders are never shared between requests (they cache). */
export function createContext(options: ContextOptions, authorization?: string): ApiContext {
  const token = bearerToken(authorization);
  const roundTrips = { roundTrips: 0 };
  return {
    ...(token ? { token } : {}),
    driver: options.driver,
    database: options.database,
    timeoutMs: options.timeoutMs,
    sessionConfig: { database: options.database },
    transaction: { timeout: options.timeoutMs },
    loaders: createLoaders(),
    read: createReadQuery(options.driver, options.database, options.timeoutMs, roundTrips),
    roundTrips,
  };
}
