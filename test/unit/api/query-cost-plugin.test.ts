import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from "@apollo/server";
import { parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { beforeAll, expect, it } from "vitest";
import {
  buildCostModel,
  buildSchema,
  queryCostPlugin,
  REQUEST_LIMITS,
  type GraphShape,
  type Hub,
} from "../../../src/api/index.ts";
import { readTypeDefs } from "../../../src/schema-model/index.ts";

// The plugin keeps each document's cost by operation and variables (query-cost.ts): a kept cost
// must never outlive the graph's shape it was priced by, nor answer for other variables.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema();
});

const agency: Hub = {
  id: "org:agency",
  degrees: new Map([["MEMBER_OF>", 300]]),
  intoOnePartnership: new Map([["MEMBER_OF>", 1]]),
};
const noHubs: GraphShape = { nodes: new Map(), hubs: new Map() };
const national: GraphShape = { nodes: new Map(), hubs: new Map([["Organisation", [agency]]]) };

// Five levels under one agency: cheap on the samples' fan-outs, far over the limit through a national agency.
const document = parse(`query Chain($limit: Int) {
  organisations(where: { id: { eq: "org:agency" } }) {
    memberOf(limit: $limit) { members(limit: $limit) { memberOf(limit: $limit) { members(limit: $limit) { memberOf(limit: $limit) { id } } } } }
  }
}`);
const operation = document.definitions[0] as OperationDefinitionNode;

async function price(shape: GraphShape, variables: Record<string, unknown>): Promise<string> {
  const plugin = queryCostPlugin(buildCostModel(readTypeDefs()), REQUEST_LIMITS.maxCost, () => shape);
  return priceWith(plugin, variables);
}

type Plugin = ReturnType<typeof queryCostPlugin>;
async function priceWith(plugin: Plugin, variables: Record<string, unknown>): Promise<string> {
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<never>;
  try {
    await listener.didResolveOperation!({
      document,
      operation,
      request: { variables },
      schema,
    } as unknown as GraphQLRequestContextDidResolveOperation<never>);
    return "accepted";
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? String(error);
  }
}

it("prices again when the graph's shape is read anew, and by each request's variables", async () => {
  expect(await price(noHubs, { limit: 1000 })).toBe("accepted");
  expect(await price(national, { limit: 1000 })).toBe("LIMIT_EXCEEDED");

  let shape = noHubs;
  const plugin = queryCostPlugin(buildCostModel(readTypeDefs()), REQUEST_LIMITS.maxCost, () => shape);
  expect(await priceWith(plugin, { limit: 1000 })).toBe("accepted");
  // The same document and variables, once the shape holds the agency: no longer the kept cost.
  shape = national;
  expect(await priceWith(plugin, { limit: 1000 })).toBe("LIMIT_EXCEEDED");
  // Other variables, other cost: one row a level is cheap even through the agency.
  expect(await priceWith(plugin, { limit: 1 })).toBe("accepted");
  expect(await priceWith(plugin, { limit: 1000 })).toBe("LIMIT_EXCEEDED");
});
