import { parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { hubKey, operationCost, type CostModel } from "../../src/api/index.ts";

/** A generated document: a chain of relationship lists, as wide as the cost limit lets it be. */
export interface FanOutDocument {
  name: string;
  query: string;
}

/** Chains whose fan-out multiplies: each step goes back the way the one before came. */
const CHAINS: readonly { root: string; steps: readonly string[]; leaf: string }[] = [
  { root: "people", steps: ["memberOf", "members"], leaf: "id name honorific" },
  { root: "bodies", steps: ["members", "memberOf"], leaf: "id name kind" },
  { root: "bodies", steps: ["accountableBodies", "accountableTo"], leaf: "id name kind" },
  { root: "meetings", steps: ["attendees", "attended"], leaf: "id title date" },
];

function chainQuery(
  root: string,
  rows: number,
  steps: readonly string[],
  depth: number,
  leaf: string,
): string {
  let selection = leaf;
  for (let level = depth - 1; level >= 0; level--)
    selection = `${leaf} ${steps[level % steps.length]} { ${selection} }`;
  return `${root}(limit: ${rows}) { ${selection} }`;
}

/** The fields a chain of `depth` steps walks, `steps` taken in turn. */
const walked = (steps: readonly string[], depth: number): string[] =>
  Array.from({ length: depth }, (_, level) => steps[level % steps.length]!);

const costOf = (schema: GraphQLSchema, model: CostModel, query: string): number =>
  operationCost(schema, model, parse(query).definitions[0] as OperationDefinitionNode, new Map());

/** The most root rows (1..most) for which `build(rows)` costs at most `limit`; 0 if even one row is over. */
function widest(
  build: (rows: number) => string,
  cost: (q: string) => number,
  limit: number,
  most = 1000,
): number {
  let low = 0;
  let high = most;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (cost(build(middle)) <= limit) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Relationship filters that multiply, on a root list, and the list of a parent that holds its rows. */
const FILTERS: readonly { root: string; steps: readonly string[]; parent: string; field: string }[] = [
  { root: "people", steps: ["memberOf", "members"], parent: "bodies", field: "members" },
  {
    root: "bodies",
    steps: ["accountableBodies", "accountableTo"],
    parent: "bodies",
    field: "accountableBodies",
  },
  { root: "meetings", steps: ["attendees", "attended"], parent: "bodies", field: "meetings" },
  { root: "people", steps: ["worksFor", "staff"], parent: "organisations", field: "staff" },
];

/** `depth` relationship filters inside each other around a name nobody has: `some` never stops early. */
function filterChain(steps: readonly string[], depth: number): string {
  let where = `{ name: { eq: "nobody at all" } }`;
  for (let level = depth - 1; level >= 0; level--)
    where = `{ ${steps[level % steps.length]}: { some: ${where} } }`;
  return where;
}

/**
 * For every filter and 1-8 levels, the most expensive documents of that shape the limit lets
 * through: as many aliases (1-20) of the root list with the filter as fit, and the filter on a
 * nested list under as many parent rows as fit; and an OR of two filters of each depth, aliased.
 * Meetings have a `title`, not a `name`: their filter's innermost comparison is on it.
 */
export function filterDocuments(schema: GraphQLSchema, model: CostModel, limit: number): FanOutDocument[] {
  const cost = (query: string) => costOf(schema, model, query);
  const documents: FanOutDocument[] = [];
  for (const filter of FILTERS)
    for (let depth = 1; depth <= 8; depth++) {
      const where = filterChain(filter.steps, depth).replace(
        "name:",
        filter.root === "meetings" && depth % 2 === 0 ? "title:" : "name:",
      );
      const path = walked(filter.steps, depth);
      const shape = `${filter.root}(where: ${path.join(".")}) (${depth} level${depth > 1 ? "s" : ""})`;
      const aliased = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${filter.root}(where: ${where}) { id }`).join(" ")} }`;
      const aliases = widest(aliased, cost, limit, 20);
      if (aliases > 0) documents.push({ name: `${aliases} x ${shape}`, query: aliased(aliases) });
      const nested = (rows: number) =>
        `{ ${filter.parent}(limit: ${rows}) { id ${filter.field}(where: ${where}) { id } } }`;
      const rows = widest(nested, cost, limit);
      if (rows > 0)
        documents.push({
          name: `${filter.parent}(limit: ${rows}).${filter.field}: ${shape}`,
          query: nested(rows),
        });
    }
  return documents;
}

/**
 * For every chain and 1-6 relationship hops: the chain with as many root rows as the limit accepts (the most
 * expensive document of that shape the server lets through), and 20 aliases of it that fit
 * together; shapes the limit refuses even with one row are left out (the tests check them).
 */
export function fanOutDocuments(schema: GraphQLSchema, model: CostModel, limit: number): FanOutDocument[] {
  const cost = (query: string) => costOf(schema, model, query);
  const documents: FanOutDocument[] = [];
  for (const chain of CHAINS)
    for (let depth = 1; depth <= 6; depth++) {
      const single = (rows: number) => `{ ${chainQuery(chain.root, rows, chain.steps, depth, chain.leaf)} }`;
      const rows = widest(single, cost, limit);
      const path = walked(chain.steps, depth);
      const shape = `${chain.root}.${path.join(".")} (${depth} hop${depth > 1 ? "s" : ""})`;
      if (rows > 0) documents.push({ name: `${shape}, limit ${rows}`, query: single(rows) });
      const aliased = (n: number) =>
        `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: ${chainQuery(chain.root, n, chain.steps, depth, chain.leaf)}`).join(" ")} }`;
      const aliasedRows = widest(aliased, cost, limit);
      if (aliasedRows > 0)
        documents.push({ name: `20 aliases of ${shape}, limit ${aliasedRows}`, query: aliased(aliasedRows) });
    }
  return documents;
}

/** Chains from one shared organisation (a national agency), each step back the way the one before came. */
const HUB_CHAINS: readonly (readonly string[])[] = [
  ["memberOf", "members"],
  ["staff", "worksFor"],
];

/**
 * For the most connected shared organisation of the graph and 1-6 hops of each hub chain: the
 * chain from it, by its id, with every list's `limit` as large (1-1000) as the cost limit accepts.
 * None when the graph has no shared organisation with those relationships.
 */
export function hubDocuments(schema: GraphQLSchema, model: CostModel, limit: number): FanOutDocument[] {
  const cost = (query: string) => costOf(schema, model, query);
  const documents: FanOutDocument[] = [];
  const organisations = model.hubs?.get("Organisation") ?? [];
  for (const steps of HUB_CHAINS) {
    // The hub with most rows under the chain's first step, by the key the cost model prices it by.
    const first = model.relationships.get(`Organisation.${steps[0]}`);
    if (!first) throw new Error(`hubDocuments: Organisation.${steps[0]} is no relationship field.`);
    const degree = (hub: (typeof organisations)[number]) => hub.degrees.get(hubKey(first)) ?? 0;
    const hub = organisations.reduce<(typeof organisations)[number] | undefined>(
      (best, each) => (degree(each) > (best ? degree(best) : 0) ? each : best),
      undefined,
    );
    if (!hub) continue;
    for (let depth = 1; depth <= 6; depth++) {
      const path = walked(steps, depth);
      const single = (rows: number) => {
        let selection = "id name";
        for (const step of [...path].reverse())
          selection = `id name ${step}(limit: ${rows}) { ${selection} }`;
        return `{ organisations(where: { id: { eq: "${hub.id}" } }) { ${selection} } }`;
      };
      const rows = widest(single, cost, limit);
      if (rows > 0)
        documents.push({
          name: `${hub.id}.${path.join(".")} (${depth} hop${depth > 1 ? "s" : ""}), limit ${rows} each`,
          query: single(rows),
        });
    }
  }
  return documents;
}
