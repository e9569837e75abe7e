import type { ManagedTransaction } from "neo4j-driver";
import type { DomainModel } from "../schema-model/index.js";
import type { SeedGraph, SeedRelationship } from "./seed-graph.js";
import { toNeo4jProperties } from "./to-neo4j.js";

export const BATCH_SIZE = 1000;

export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export interface WriteStep {
  description: string;
  rows: number;
  run(tx: ManagedTransaction): Promise<WriteCounters>;
}

const emptyCounters = (): WriteCounters => ({
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
});

export function addCounters(total: WriteCounters, more: WriteCounters): WriteCounters {
  for (const key of Object.keys(total) as (keyof WriteCounters)[]) total[key] += more[key];
  return total;
}

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) out.push(rows.slice(i, i + BATCH_SIZE));
  return out;
}

function step(
  description: string,
  cypher: string,
  rows: readonly unknown[],
  parameters: Record<string, unknown> = {},
): WriteStep {
  return {
    description,
    rows: rows.length,
    async run(tx) {
      const total = emptyCounters();
      for (const batch of batches(rows)) {
        const { summary } = await tx.run(cypher, { ...parameters, rows: batch });
        const updates = summary.counters.updates();
        addCounters(total, {
          nodesCreated: updates.nodesCreated,
          nodesDeleted: updates.nodesDeleted,
          relationshipsCreated: updates.relationshipsCreated,
          relationshipsDeleted: updates.relationshipsDeleted,
          propertiesSet: updates.propertiesSet,
        });
      }
      return total;
    },
  };
}

/** Steps that delete every node of the given partnerships (for `seed --reset`). */
export function resetSteps(partnershipIds: readonly string[], model: DomainModel): WriteStep[] {
  return [...model.labels.keys()].map((label) =>
    step(
      `reset ${label}`,
      `UNWIND $rows AS partnershipId MATCH (n:${label} {partnershipId: partnershipId}) DETACH DELETE n`,
      partnershipIds,
    ),
  );
}

/**
 * The writes for a seed graph, as steps to run in one transaction. MERGE on id (and on a
 * relationship key), and SET only what differs, so a second load changes nothing.
 */
export function writeSteps(graph: SeedGraph, model: DomainModel, actor = "seed"): WriteStep[] {
  const steps: WriteStep[] = [];
  const byLabel = new Map<string, { id: string; partnershipId: string; props: Record<string, unknown> }[]>();
  const evidence = new Map<string, { id: string; document: string; locator: string }[]>();
  for (const node of graph.nodes.values()) {
    const properties = model.labels.get(node.label)?.properties ?? new Map();
    const rows = byLabel.get(node.label) ?? [];
    rows.push({
      id: node.id,
      partnershipId: node.partnershipId,
      props: toNeo4jProperties(node.properties, properties),
    });
    byLabel.set(node.label, rows);
    const evidenceRows = evidence.get(node.label) ?? [];
    for (const item of node.evidence) evidenceRows.push({ id: node.id, ...item });
    evidence.set(node.label, evidenceRows);
  }
  for (const [label, rows] of byLabel)
    steps.push(
      step(
        `${label} nodes`,
        `UNWIND $rows AS row
         MERGE (n:${label} {id: row.id})
         ON CREATE SET n.createdAt = datetime()
         WITH n, row
         WHERE n.partnershipId IS NULL OR n.partnershipId <> row.partnershipId
            OR any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k])
         SET n += row.props, n.partnershipId = row.partnershipId, n.updatedAt = datetime(), n.updatedBy = $actor`,
        rows,
        { actor },
      ),
    );
  for (const [label, rows] of evidence)
    if (rows.length)
      steps.push(
        step(
          `${label} provenance`,
          `UNWIND $rows AS row
           MATCH (n:${label} {id: row.id}) MATCH (d:Document {id: row.document})
           MERGE (n)-[:EVIDENCED_BY {locator: row.locator}]->(d)`,
          rows,
        ),
      );
  const groups = new Map<string, { from: string; type: string; to: string; rows: SeedRelationship[] }>();
  for (const relationship of graph.relationships) {
    const from = graph.nodes.get(relationship.from)?.label;
    const to = graph.nodes.get(relationship.to)?.label;
    if (!from || !to)
      throw new Error(`Unvalidated relationship ${relationship.key}: validate with buildSeedGraph first.`);
    const groupKey = `${from}|${relationship.type}|${to}`;
    const group = groups.get(groupKey) ?? { from, type: relationship.type, to, rows: [] };
    group.rows.push(relationship);
    groups.set(groupKey, group);
  }
  for (const { from, type, to, rows } of groups.values()) {
    const relationshipModel = model.labels.get(from)?.relationships.get(type);
    steps.push(
      step(
        `${from} ${type} ${to}`,
        `UNWIND $rows AS row
         MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to})
         MERGE (a)-[r:${type} {key: row.key}]->(b)
         WITH r, row WHERE any(k IN keys(row.props) WHERE r[k] IS NULL OR r[k] <> row.props[k])
         SET r += row.props`,
        rows.map((r) => ({
          from: r.from,
          to: r.to,
          key: r.key,
          props: toNeo4jProperties(r.properties, relationshipModel?.properties ?? new Map()),
        })),
      ),
    );
  }
  return steps;
}
