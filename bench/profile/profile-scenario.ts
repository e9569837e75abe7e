import { graphql } from "graphql";
import type { Driver } from "neo4j-driver";
import {
  buildSchema,
  countingDriver,
  createContext,
  createTokenVerifier,
  type RoundTripCounter,
} from "../../src/api/index.ts";
import type { Landmarks } from "../generate/index.ts";
import type { Scenario } from "../scenarios/index.ts";

export interface ScenarioProfile {
  scenario: string;
  /** In-process GraphQL execution (no HTTP), median of the runs. */
  executeMs: number;
  /** Of which waiting for the database (first byte to last record), median. */
  databaseMs: number;
  queries: { cypher: string; dbHits: number; rows: number; plan: string }[];
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function describePlan(plan: PlanNode, depth = 0, lines: string[] = []): string[] {
  const details = plan.arguments.Details ? ` ${String(plan.arguments.Details).slice(0, 140)}` : "";
  lines.push(`${"  ".repeat(depth)}${plan.operatorType} rows=${plan.rows} dbHits=${plan.dbHits}${details}`);
  for (const child of plan.children) describePlan(child, depth + 1, lines);
  return lines;
}

const totalHits = (plan: PlanNode): number =>
  plan.dbHits + plan.children.reduce((total, child) => total + totalHits(child), 0);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * What the API does for one scenario: runs it in-process `runs` times (JS vs database time), then
 * PROFILEs every Cypher query it sent (the ones @neo4j/graphql generates included) and returns
 * the plans with their db hits.
 */
export async function profileScenario(
  driver: Driver,
  database: string,
  scenario: Scenario,
  landmarks: Landmarks,
  asOf: string,
  runs = 10,
): Promise<ScenarioProfile> {
  const captured: { cypher: string; parameters: unknown }[] = [];
  let databaseMs = 0;
  const counter: RoundTripCounter = {
    roundTrips: 0,
    onQuery: (cypher, parameters) => void captured.push({ cypher, parameters }),
  };
  const counted = countingDriver(driver, counter);
  // Time spent in the database, as the driver sees it: wrap executeQuery and session transactions.
  const timed = new Proxy(counted, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property !== "executeQuery" && property !== "session")
        return typeof value === "function" ? value.bind(target) : value;
      if (property === "executeQuery")
        return async (...args: unknown[]) => {
          const start = performance.now();
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            databaseMs += performance.now() - start;
          }
        };
      return (...args: unknown[]) => {
        const session = (value as (...a: unknown[]) => Record<string, unknown>).apply(target, args);
        return new Proxy(session, {
          get(s, p) {
            const v = Reflect.get(s, p, s) as unknown;
            if (p !== "executeRead")
              return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(s) : v;
            return async (...a: unknown[]) => {
              const start = performance.now();
              try {
                return await (v as (...x: unknown[]) => Promise<unknown>).apply(s, a);
              } finally {
                databaseMs += performance.now() - start;
              }
            };
          },
        });
      };
    },
  }) as Driver;
  const schema = await buildSchema({ driver: timed });
  const variables = scenario.variables(landmarks, asOf);
  const execute: number[] = [];
  const inDatabase: number[] = [];
  for (let run = 0; run < runs; run++) {
    captured.length = 0;
    databaseMs = 0;
    const contextValue = await createContext(
      { driver: timed, database, timeoutMs: 60_000, verifyToken: createTokenVerifier({}) },
      undefined,
    );
    const start = performance.now();
    const result = await graphql({ schema, source: scenario.query, variableValues: variables, contextValue });
    execute.push(performance.now() - start);
    inDatabase.push(databaseMs);
    if (result.errors?.length)
      throw new Error(`${scenario.name} failed in-process: ${result.errors[0]!.message}`);
  }
  const queries = [];
  for (const { cypher, parameters } of captured) {
    const { summary } = await driver.executeQuery(
      `PROFILE ${cypher.replace(/^\s*CYPHER [^\n]*\n/, "")}`,
      parameters as Record<string, unknown>,
      { database },
    );
    const plan = summary.profile as unknown as PlanNode;
    queries.push({ cypher, dbHits: totalHits(plan), rows: plan.rows, plan: describePlan(plan).join("\n") });
  }
  return {
    scenario: scenario.name,
    executeMs: Math.round(median(execute) * 10) / 10,
    databaseMs: Math.round(median(inDatabase) * 10) / 10,
    queries,
  };
}
