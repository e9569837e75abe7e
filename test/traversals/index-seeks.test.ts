import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ANONYMOUS,
  buildScope,
  governanceDiagram,
  governanceHealth,
  graphStats,
  search,
  type ReadQuery,
} from "../../src/traversals/index.ts";
import { DATABASE, testDriver } from "../support/database.ts";

// The planner's own word (EXPLAIN, nothing run) that every scoped query starts from an index:
// the partnershipId index or an id lookup, never a scan of a label across every partnership.

interface Operator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: Operator[];
}

const flatten = (op: Operator): Operator[] => [op, ...op.children.flatMap(flatten)];
const describeOp = (op: Operator): string =>
  `${op.operatorType.split("@")[0]} ${String(op.arguments.Details ?? "")}`;

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

/** Runs a traversal with a ReadQuery that only EXPLAINs, and returns every operator of every plan. */
async function plansOf(run: (read: ReadQuery) => Promise<unknown>): Promise<string[]> {
  const operators: string[] = [];
  const read: ReadQuery = async (cypher, parameters = {}) => {
    const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, parameters, { database: DATABASE });
    operators.push(...flatten(summary.plan as unknown as Operator).map(describeOp));
    return [];
  };
  await run(read).catch(() => undefined); // an EXPLAIN returns no rows: the traversal may then say NOT_FOUND
  return operators;
}

const scope = buildScope({
  partnershipId: "partnership:barnet",
  asOf: "2016-01-29",
  viewer: ANONYMOUS,
});
const scans = (operators: string[]) => operators.filter((op) => /^(AllNodesScan|NodeByLabelScan)\b/.test(op));
const seeksOnPartnership = (operators: string[]) =>
  operators.filter((op) => /^NodeIndexSeek\b/.test(op) && op.includes("partnershipId"));

describe("scoped queries are index seeks on partnershipId", () => {
  it.each([
    ["governanceHealth", (read: ReadQuery) => governanceHealth(read, scope)],
    ["governanceDiagram", (read: ReadQuery) => governanceDiagram(read, scope)],
    ["graphStats", (read: ReadQuery) => graphStats(read, scope)],
  ])("%s", async (_name, run) => {
    const operators = await plansOf(run);
    expect(operators.length).toBeGreaterThan(0);
    expect(scans(operators)).toEqual([]);
    expect(seeksOnPartnership(operators).length).toBeGreaterThan(0);
  });

  it("search: the full-text index with the partnership inside the Lucene query, then an id seek", async () => {
    const operators = await plansOf((read) => search(read, scope, "Safer Communities"));
    expect(scans(operators)).toEqual([]);
    expect(operators.some((op) => op.startsWith("ProcedureCall") && op.includes("fulltext"))).toBe(true);
  });
});
