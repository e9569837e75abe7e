/**
 * Every shipped document, with the __typename fields Apollo Client and urql add to every
 * selection, costs at most 60% of the API's cost limit, by the same cost rule the server applies
 * (query-cost.ts, with the fan-outs bench:cost measured): room for clients that add fields, and
 * for data that grows. And the fan-outs that ran for tens of seconds (issue 12) cost more than it.
 */
import { addTypenameToDocument } from "@apollo/client/utilities";
import { parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCostModel, buildSchema, documentCosts, REQUEST_LIMITS } from "../../src/api/index.js";
import { readTypeDefs } from "../../src/schema-model/index.js";
import { shippedDocuments } from "../clients/shipped-documents.js";

const SHARE = 0.6;
const LIMIT = REQUEST_LIMITS.maxCost;
let schema: GraphQLSchema;
const model = buildCostModel(readTypeDefs());

const cost = (document: DocumentNode): number => [...documentCosts(schema, model, document).values()][0]!;

/** `people(limit: 1000)` with `levels` of `memberOf { members { ... } }` under it (the fan-out). */
const fanOut = (levels: number): string => {
  let selection = "id name";
  for (let level = 0; level < levels; level++)
    selection = `id name memberOf { id name members { ${selection} } }`;
  return `people(limit: 1000) { ${selection} }`;
};

beforeAll(async () => {
  schema = await buildSchema();
});

describe("the cost of every shipped document", () => {
  const documents = shippedDocuments();

  it("finds the viewer's and the report generator's documents", () => {
    expect([...documents.keys()]).toEqual(
      expect.arrayContaining([
        "ViewerDiagram",
        "ViewerStrategy",
        "StrategyReport",
        "BodyReport",
        "PersonReport",
      ]),
    );
  });

  const within = (name: string): void => {
    const document = addTypenameToDocument(documents.get(name)!);
    expect(validate(schema, document)).toEqual([]);
    const found = cost(document);
    expect(found, `${name} costs ${found} of ${LIMIT}`).toBeLessThanOrEqual(LIMIT * SHARE);
    expect(found, `${name} costs something`).toBeGreaterThan(0);
  };
  it.each([...documents.keys()])("%s, with __typename, costs at most 60 percent of the limit", within);
});

describe("the cost model", () => {
  it("prices a list by its measured fan-out, so each level multiplies the cost", () => {
    const costs = [1, 2, 3, 4].map((levels) => cost(parse(`{ ${fanOut(levels)} }`)));
    // A level (a person's boards, their members) multiplies by about 2.5 x 46 on the sample seeds.
    for (let level = 1; level < costs.length; level++)
      expect(costs[level]).toBeGreaterThan(costs[level - 1]! * 50);
    // The fan-outs that ran 31 s, 77 s and, 20 at once, 67 s (BENCHMARKS.md, "The cost limit") cost more than it.
    expect(costs[2]).toBeGreaterThan(LIMIT);
    expect(costs[3]).toBeGreaterThan(LIMIT);
    expect(20 * costs[1]!).toBeGreaterThan(LIMIT);
  });

  it("honours limit and first, and prices a variable limit at the type's maximum", () => {
    const small = cost(parse("{ people(limit: 10) { id memberOf { id } } }"));
    const large = cost(parse("{ people(limit: 1000) { id memberOf { id } } }"));
    // A hundred times the rows; the list field itself costs one either way.
    expect(large / small).toBeGreaterThan(95);
    expect(large / small).toBeLessThan(100);
    const connection = cost(
      parse("{ peopleConnection(first: 1000) { edges { node { id memberOf { id } } } } }"),
    );
    expect(connection).toBeGreaterThan(large);
    expect(connection).toBeLessThan(large * 1.5);
    expect(cost(parse("query ($n: Int) { people(limit: $n) { id memberOf { id } } }"))).toBe(large);
    expect(cost(parse("query ($n: Int = 10) { people(limit: $n) { id memberOf { id } } }"))).toBe(small);
  });

  it("prices a list filtered to one id as one row, and counts aliases of __typename", () => {
    expect(cost(parse('{ bodies(where: { id: { eq: "body:scpb" } }) { id } }'))).toBe(2);
    const typenames = cost(
      parse(`{ ${Array.from({ length: 20 }, (_, i) => `t${i}: __typename`).join(" ")} }`),
    );
    expect(typenames).toBe(20);
  });
});
