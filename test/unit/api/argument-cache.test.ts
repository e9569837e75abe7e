import { buildSchema, execute, parse, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { argumentCacheStats, installArgumentCache } from "../../../src/api/index.ts";

// The argument cache (src/api/argument-cache.ts) wraps graphql-js's argument coercion: the
// arguments of a field in a list are worked out once, not once per item, and stay right for
// every set of variables. Every test counts what the resolvers were handed.

installArgumentCache();
const seen: Array<Record<string, unknown>> = [];
const emptySeen: Array<Record<string, unknown>> = [];
const schema = buildSchema(`
  input Sort { by: String!, desc: Boolean = false }
  type Item { n: Int!, plain: Int!, parts(sort: [Sort!], limit: Int = 2): [String!]! }
  type Query { items: [Item!]! }`);
schema.getQueryType()!.getFields().items!.resolve = () => [1, 2, 3].map((n) => ({ n }));
(schema.getType("Item") as GraphQLObjectType).getFields().plain!.resolve = (
  item: { n: number },
  args: Record<string, unknown>,
) => {
  emptySeen.push(args);
  return item.n;
};
(schema.getType("Item") as GraphQLObjectType).getFields().parts!.resolve = (
  item: { n: number },
  args: Record<string, unknown>,
) => {
  seen.push(args);
  const sort = (args.sort as { by: string; desc: boolean }[] | undefined)?.[0];
  return [`${item.n}:${sort?.by ?? "-"}:${String(sort?.desc ?? "-")}:${String(args.limit)}`];
};
const literal = parse(`{ items { plain parts(sort: [{ by: "ref" }], limit: 1) } }`);
const withVariables = parse(
  `query($by: String!, $limit: Int) { items { parts(sort: [{ by: $by, desc: true }], limit: $limit) } }`,
);

async function run(document: typeof literal, variableValues?: Record<string, unknown>) {
  seen.length = 0;
  emptySeen.length = 0;
  const result = await execute({ schema, document, variableValues });
  expect(result.errors).toBeUndefined();
  return (result.data as { items: { parts: string[] }[] }).items.map((item) => item.parts[0]);
}

describe("argument cache", () => {
  it("works a list's arguments out once per request, and literal ones once per document", async () => {
    const hits = argumentCacheStats.hits;
    expect(await run(literal)).toEqual(["1:ref:false:1", "2:ref:false:1", "3:ref:false:1"]);
    expect(new Set(seen).size).toBe(1);
    expect(Object.isFrozen(seen[0])).toBe(true);
    const first = seen[0];
    expect(await run(literal)).toEqual(["1:ref:false:1", "2:ref:false:1", "3:ref:false:1"]);
    expect(seen[0]).toBe(first);
    expect(argumentCacheStats.hits - hits).toBeGreaterThanOrEqual(5);
    // A field without arguments: one frozen empty object for every item.
    expect(new Set(emptySeen).size).toBe(1);
    expect(emptySeen[0]).toEqual({});
    expect(Object.isFrozen(emptySeen[0])).toBe(true);
  });

  it("follows the variables of each request", async () => {
    expect(await run(withVariables, { by: "name", limit: 5 })).toEqual([
      "1:name:true:5",
      "2:name:true:5",
      "3:name:true:5",
    ]);
    expect(new Set(seen).size).toBe(1);
    expect(await run(withVariables, { by: "date" })).toEqual([
      "1:date:true:2",
      "2:date:true:2",
      "3:date:true:2",
    ]);
    expect(await run(withVariables, { by: "name", limit: 5 })).toEqual([
      "1:name:true:5",
      "2:name:true:5",
      "3:name:true:5",
    ]);
  });
});
