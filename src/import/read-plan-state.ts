import { LABELS } from "../schema-model/index.ts";
import type { ReadQuery } from "../traversals/index.ts";
import { ImportError } from "./import-error.ts";
import { MANAGED_PROPERTIES, type ManagedLabel, type PlanState } from "./plan-state.ts";

/** How deep a strategy's tree of objectives is followed (priorities, objectives, outcomes...). */
export const TREE_DEPTH = 10;

const pick = (label: ManagedLabel, variable: string): string =>
  `${variable} {.id, .partnershipId, ${MANAGED_PROPERTIES[label].map((p) => `.${p}`).join(", ")}}`;

const nulls = <T extends object>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === undefined ? null : v])) as T;

/**
 * Reads a strategy's plan (see PlanState) with `read`, a query inside the import's transaction.
 * The strategy must exist and be `partnershipId`'s own: an import writes only its partnership's plan.
 */
export async function readPlanState(
  read: ReadQuery,
  partnershipId: string,
  strategyId: string,
): Promise<PlanState> {
  const [head] = await read(
    `OPTIONAL MATCH (p:Partnership {id: $partnershipId})
     OPTIONAL MATCH (s:Strategy {id: $strategyId})
     RETURN p IS NOT NULL AS partnership, s {.id, .partnershipId, .title} AS strategy`,
    { partnershipId, strategyId },
  );
  if (!head?.partnership)
    throw new ImportError(
      `No partnership with id "${partnershipId}". Fix: name a loaded partnership (ids look like partnership:barnet).`,
      "not-found",
    );
  const strategy = head.strategy as PlanState["strategy"] | null;
  if (!strategy)
    throw new ImportError(
      `No strategy with id "${strategyId}". Fix: name the strategy whose plan the sheet is (ids look like strategy:safer-communities-2011-14; the API's search finds them by title).`,
      "not-found",
    );
  if (strategy.partnershipId !== partnershipId)
    throw new ImportError(
      `${strategyId} is ${strategy.partnershipId}'s, not ${partnershipId}'s: an import writes only the partnership's own plan (docs/tenancy.md). Fix: import into ${strategy.partnershipId} (as its editor), or name a strategy of ${partnershipId}.`,
      "forbidden",
    );
  const params = { strategyId };
  const objectives = await read(
    `MATCH (s:Strategy {id: $strategyId})
     MATCH (o:Objective)-[:PART_OF*1..${TREE_DEPTH}]->(s)
     WITH DISTINCT o, s
     OPTIONAL MATCH (o)-[:PART_OF]->(parent:Objective)
     RETURN ${pick("Objective", "o")} AS objective, head(collect(parent.id)) AS parentId`,
    params,
  );
  const actions = await read(
    `MATCH (s:Strategy {id: $strategyId})
     CALL (s) {
       MATCH (a:Action)-[:CONTRIBUTES_TO]->(:Objective)-[:PART_OF*1..${TREE_DEPTH}]->(s) RETURN a
       UNION
       MATCH (a:Action)-[:PART_OF]->(s) RETURN a
     }
     RETURN ${pick("Action", "a")} AS action,
       [(a)-[:CONTRIBUTES_TO]->(o:Objective) WHERE EXISTS { (o)-[:PART_OF*1..${TREE_DEPTH}]->(s) } | o.id] AS objectiveIds,
       EXISTS { (a)-[:PART_OF]->(s) } AS planWide,
       [(a)-[r:LED_BY]->(l) | {id: l.id, label: head(labels(l)), name: coalesce(l.name, l.title, l.id), role: r.role, partnershipId: r.partnershipId}] AS leads,
       [(a)-[:HAS_UPDATE]->(u:ProgressUpdate) | ${pick("ProgressUpdate", "u")}] AS updates`,
    params,
  );
  const indicators = await read(
    `MATCH (s:Strategy {id: $strategyId})
     MATCH (i:Indicator)-[:MEASURES]->(:Objective)-[:PART_OF*1..${TREE_DEPTH}]->(s)
     WITH DISTINCT i, s
     RETURN ${pick("Indicator", "i")} AS indicator,
       [(i)-[:MEASURES]->(o:Objective) WHERE EXISTS { (o)-[:PART_OF*1..${TREE_DEPTH}]->(s) } | o.id] AS objectiveIds,
       [(i)-[:HAS_MEASUREMENT]->(m:Measurement) | ${pick("Measurement", "m")}] AS measurements`,
    params,
  );
  return {
    strategy,
    objectives: objectives.map((row) =>
      nulls({ ...(row.objective as object), parentId: row.parentId }),
    ) as PlanState["objectives"],
    actions: actions.map((row) =>
      nulls({
        ...(row.action as object),
        objectiveIds: row.objectiveIds,
        planWide: row.planWide,
        leads: (row.leads as object[]).map(nulls),
        updates: (row.updates as object[]).map(nulls),
      }),
    ) as PlanState["actions"],
    indicators: indicators.map((row) =>
      nulls({
        ...(row.indicator as object),
        objectiveIds: row.objectiveIds,
        measurements: (row.measurements as object[]).map(nulls),
      }),
    ) as PlanState["indicators"],
  };
}

/** A node found by id anywhere in the graph: its label and owner. */
export interface ExistingNode {
  id: string;
  label: string;
  partnershipId: string | null;
  name: string;
}

/** The nodes among `ids` that exist, whatever their label (one index seek per label, one round trip). */
export async function findExisting(
  read: ReadQuery,
  ids: readonly string[],
): Promise<Map<string, ExistingNode>> {
  if (!ids.length) return new Map();
  const rows = await read(
    LABELS.map(
      (label) =>
        `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, '${label}' AS label, n.partnershipId AS partnershipId, coalesce(n.name, n.title, n.id) AS name`,
    ).join("\nUNION ALL\n"),
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.map((row) => [String(row.id), row as unknown as ExistingNode]));
}
