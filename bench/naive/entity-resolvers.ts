import type { ApiContext } from "../../src/api/index.ts";
import { entities, neo4jOrder, type Entity } from "./fetch.ts";

type Args = { sort?: Record<string, "ASC" | "DESC">[]; limit?: number };

/** Sort and limit as @neo4j/graphql does, but in JavaScript after the fetch (what a hand-rolled resolver does). */
function sortAndLimit(items: Entity[], args: Args): Entity[] {
  let sorted = items;
  for (const criterion of [...(args.sort ?? [])].reverse())
    for (const [key, direction] of Object.entries(criterion)) sorted = neo4jOrder(sorted, key, direction);
  return args.limit === undefined ? sorted : sorted.slice(0, args.limit);
}

/** A relationship field: one round trip per parent object (the N+1 pattern). */
const related =
  (from: string, pattern: string, to: string) =>
  (parent: Entity, args: Args, context: ApiContext): Promise<Entity[]> =>
    entities(context.read, `MATCH (:${from} {id: $id})${pattern}(x${to})`, { id: parent.id }).then((items) =>
      sortAndLimit(items, args),
    );

const leads = (from: string) => related(from, "-[:LED_BY]->", "");

/** Resolvers of the entity types: every relationship field fetches its own neighbours. */
export const entityResolvers = {
  Query: {
    strategies: (_: unknown, args: { where?: { id?: { eq?: string } } }, context: ApiContext) =>
      entities(context.read, "MATCH (x:Strategy) WHERE $id IS NULL OR x.id = $id", {
        id: args.where?.id?.eq ?? null,
      }),
  },
  Leader: { __resolveType: (value: Entity) => value.__typename },
  Strategy: { leads: leads("Strategy"), objectives: related("Strategy", "<-[:PART_OF]-", ":Objective") },
  Objective: {
    leads: leads("Objective"),
    indicators: related("Objective", "<-[:MEASURES]-", ":Indicator"),
    actions: related("Objective", "<-[:CONTRIBUTES_TO]-", ":Action"),
    subObjectives: related("Objective", "<-[:PART_OF]-", ":Objective"),
  },
  Action: { leads: leads("Action") },
  Indicator: { measurements: related("Indicator", "-[:HAS_MEASUREMENT]->", ":Measurement") },
};
