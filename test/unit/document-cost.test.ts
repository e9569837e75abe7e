/**
 * Every shipped document, with the __typename fields Apollo Client and urql add to every
 * selection, costs at most 60% of the API's cost limit, by the same cost rule the server applies:
 * room for clients that add fields, and for data that grows.
 */
import { addTypenameToDocument } from "@apollo/client/utilities";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSchema, COST_LIMIT } from "../../src/api/index.js";
import { shippedDocuments } from "../clients/shipped-documents.js";

const SHARE = 0.6;
let schema: GraphQLSchema;

/** The document's cost by the server's rule (its cost options; only the limit is lifted, to read the cost). */
function cost(document: Parameters<typeof validate>[1]): number {
  let found = Number.NaN;
  const rule = costLimitRule({
    ...COST_LIMIT,
    maxCost: Number.MAX_SAFE_INTEGER,
    onAccept: [(_context, { n }) => (found = n)],
  });
  expect(validate(schema, document, [rule])).toEqual([]);
  return found;
}

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

  // LOUD: StrategyReport (src/report, the report generator's whole tree) costs 52,698 with
  // __typename, over the limit itself, so Apollo Client and urql cannot run it (issue 15). The
  // cost model is being recalibrated (security) and the document belongs to the report
  // generator; `it.fails` keeps it visible and turns red the day it fits, so it moves back.
  const OVER = new Set(["StrategyReport"]);
  const within = (name: string): void => {
    const document = addTypenameToDocument(documents.get(name)!);
    expect(validate(schema, document)).toEqual([]);
    const found = cost(document);
    expect(found, `${name} costs ${found} of ${COST_LIMIT.maxCost}`).toBeLessThanOrEqual(
      COST_LIMIT.maxCost * SHARE,
    );
  };
  const names = [...documents.keys()];
  it.each(names.filter((n) => !OVER.has(n)))(
    "%s, with __typename, costs at most 60 percent of the limit",
    within,
  );
  it.fails.each(names.filter((n) => OVER.has(n)))(
    "%s, with __typename, costs more than 60 percent of the limit (known: see OVER)",
    within,
  );
});
