import type { Driver } from "neo4j-driver";
import type { Landmarks } from "../generate/index.ts";

/** What a scenario's floor may use: the (counting) driver and the database name. */
export interface FloorContext {
  driver: Driver;
  database: string;
}

/**
 * One question asked three ways: (a) `query` to the real API over HTTP, (b) `floor`, hand-written
 * Cypher through the driver giving the same data, (c) `query` to the naive resolver-per-field API.
 */
export interface Scenario {
  name: string;
  /** Who asks it, in a few words (for the report). */
  description: string;
  /** One GraphQL document, sent unchanged to the real and the naive API. */
  query: string;
  variables(landmarks: Landmarks, asOf: string): Record<string, unknown>;
  /** The `data` of `query`, from Cypher written by hand. */
  floor(context: FloorContext, variables: Record<string, unknown>): Promise<unknown>;
}

/** The fields of a PathNode, as every traversal scenario selects them. */
export const PATH_NODE = "{ id label name }";

/** A leader (union) as the scenarios select it. */
export const LEADER =
  "{ __typename ... on Person { id name } ... on Body { id name } ... on Organisation { id name } }";

/** Cypher projection of a leader in the shape of LEADER. */
export const leaderProjection = (v: string): string => `${v} {__typename: head(labels(${v})), .id, .name}`;
