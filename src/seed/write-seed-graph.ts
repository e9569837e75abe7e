import type { ManagedTransaction } from "neo4j-driver";
import { ID_PREFIX, SHARED, type DomainModel } from "../schema-model/index.ts";
import { partnershipsOf, type SeedGraph, type SeedNode, type SeedRelationship } from "./seed-graph.ts";
import { SeedConflictError, type SeedIssue } from "./seed-issue.ts";
import { toNeo4jProperties } from "./to-neo4j.ts";

export const BATCH_SIZE = 1000;

/**
 * Prefix of the write statements: a plan, once made, is kept. They are seeks on unique ids whatever
 * the graph's size, but a load grows the graph fast, and Neo4j plans a statement again whenever
 * the statistics it was planned with have diverged; planning was a third of the write steps' CPU
 * in a profile of a batch's load (BENCHMARKS.md, "Seed load with and without history").
 */
const KEEP_PLAN = "CYPHER replan=skip";

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

/** A fresh all-zero tally, to add steps' counters to. */
export const emptyCounters = (): WriteCounters => ({
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
  onRecords?: (tx: ManagedTransaction, records: Record<string, unknown>[]) => void,
): WriteStep {
  return {
    description,
    rows: rows.length,
    async run(tx) {
      const total = emptyCounters();
      for (const batch of batches(rows)) {
        const { summary, records } = await tx.run(cypher, { ...parameters, rows: batch });
        onRecords?.(
          tx,
          records.map((record) => record.toObject()),
        );
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

/**
 * A step that reads, per label, the rows the database disagrees with, and throws one
 * SeedConflictError listing them all (inside the transaction, so nothing is written).
 */
function checkStep<Row>(
  description: string,
  rowsByLabel: ReadonlyMap<string, Row[]>,
  cypher: (label: string) => string,
  issue: (record: Record<string, unknown>) => SeedIssue,
  parameters: Record<string, unknown> = {},
): WriteStep {
  const rows = [...rowsByLabel.values()].reduce((total, list) => total + list.length, 0);
  return {
    description,
    rows,
    async run(tx) {
      const issues: SeedIssue[] = [];
      for (const [label, labelRows] of rowsByLabel)
        for (const batch of batches(labelRows)) {
          const result = await tx.run(cypher(label), { ...parameters, rows: batch });
          for (const record of result.records) issues.push(issue(record.toObject()));
        }
      if (issues.length) throw new SeedConflictError(issues);
      return emptyCounters();
    },
  };
}

/**
 * Write steps whose statements return the rows they refused, and a later step that throws one
 * SeedConflictError listing them all. The refusals are kept per transaction: a retried transaction
 * (executeWrite retries transient errors) starts with none.
 */
function ownershipCheck(issue: (record: Record<string, unknown>) => SeedIssue) {
  const refused = new WeakMap<ManagedTransaction, SeedIssue[]>();
  return {
    write(
      description: string,
      cypher: string,
      rows: readonly unknown[],
      parameters: Record<string, unknown>,
    ) {
      return step(description, cypher, rows, parameters, (tx, records) => {
        if (!records.length) return;
        const list = refused.get(tx) ?? [];
        list.push(...records.map(issue));
        refused.set(tx, list);
      });
    },
    check(description: string): WriteStep {
      return {
        description,
        rows: 0,
        run(tx) {
          const issues = refused.get(tx);
          if (issues?.length) throw new SeedConflictError(issues);
          return Promise.resolve(emptyCounters());
        },
      };
    },
  };
}

const where = (node: SeedNode): Pick<SeedIssue, "file" | "line"> => {
  const [file, line] = (node.listedAt[0] ?? "?").split(/:(?=\d+$)/);
  return { file: file!, ...(line ? { line: Number(line) } : {}) };
};

const group = <T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

/** The label an id's prefix names, for messages ("org:x" -> "Organisation"). */
const label = (id: unknown): string => {
  const prefix = String(id).split(":")[0];
  return Object.entries(ID_PREFIX).find(([, p]) => p === prefix)?.[0] ?? "node";
};

/**
 * Steps that remove a load unit's subgraph (for `seed --reset`), docs/tenancy.md: the unit's
 * nodes, and the relationships its files made (those between shared nodes included). Refused
 * when another partnership's relationships touch the unit's nodes (resetting `shared` while a
 * partnership outside the unit links to it), since deleting them would change that partnership.
 */
export function resetSteps(unit: readonly string[], model: DomainModel): WriteStep[] {
  const labels = [...model.labels.keys()];
  const all = new Map(labels.map((label) => [label, [...unit]]));
  return [
    checkStep(
      "reset: links of other partnerships",
      all,
      (label) =>
        `UNWIND $rows AS partnershipId
         MATCH (n:${label} {partnershipId: partnershipId})-[r]-()
         WHERE r.partnershipId IS NOT NULL AND NOT r.partnershipId IN $unit
         RETURN partnershipId, r.partnershipId AS owner, count(r) AS links, collect(n.id)[0] AS example`,
      (record) => ({
        file: "(database)",
        entry: String(record.example),
        message: `is ${String(record.partnershipId)}'s, and ${String(record.owner)} links to it (${String(record.links)} relationship(s) to ${String(record.partnershipId)}'s ${label(record.example)}s): a reset of ${String(record.partnershipId)} would delete them.`,
        fix: `load ${String(record.partnershipId)} without --reset (a plain load updates it), or reset ${String(record.owner)} in the same command.`,
      }),
      { unit },
    ),
    ...(unit.includes(SHARED)
      ? []
      : labels.map((label) =>
          step(
            `reset ${label} shared links`,
            `MATCH (n:${label} {partnershipId: $shared})-[r]->() WHERE r.partnershipId IN $rows DELETE r`,
            unit,
            { shared: SHARED },
          ),
        )),
    ...labels.map((label) =>
      step(
        `reset ${label}`,
        `UNWIND $rows AS partnershipId MATCH (n:${label} {partnershipId: partnershipId}) DETACH DELETE n`,
        unit,
      ),
    ),
  ];
}

/**
 * The writes of a load unit (by default every partnership of the graph), as steps to run in one
 * transaction: MERGE on id (and on a relationship's key and partnership), setting only what
 * differs, so a second load changes nothing, and two checks against the database:
 *
 * - Every node the unit writes is absent or already the unit's: an id another partnership owns
 *   in the database is a SeedConflictError after the node writes (which leave such a node as it
 *   is), before any relationship; the node is never taken over.
 * - Every node the unit refers to outside itself (a shared entity, when loading one partnership)
 *   is in the database with the owner the seeds say.
 */
export function writeSteps(
  graph: SeedGraph,
  model: DomainModel,
  actor = "seed",
  unit: readonly string[] = partnershipsOf(graph),
): WriteStep[] {
  const inUnit = new Set(unit);
  const written = [...graph.nodes.values()].filter((node) => inUnit.has(node.partnershipId));
  const relationships = graph.relationships.filter((r) => inUnit.has(r.partnershipId));
  const evidence = [...graph.nodes.values()].flatMap((node) =>
    node.evidence
      .filter((e) => inUnit.has(e.partnershipId))
      .map((e) => ({ label: node.label, id: node.id, ...e })),
  );
  const outside = new Map<string, SeedNode>();
  const refer = (id: string): void => {
    const node = graph.nodes.get(id);
    if (!node) throw new Error(`Unvalidated reference to ${id}: validate with buildSeedGraph first.`);
    if (!inUnit.has(node.partnershipId)) outside.set(id, node);
  };
  for (const r of relationships) [r.from, r.to].forEach(refer);
  for (const e of evidence) [e.id, e.document].forEach(refer);
  const ownerRows = (nodes: Iterable<SeedNode>): Map<string, { id: string; partnershipId: string }[]> =>
    new Map(
      [...group(nodes, (node) => node.label)].map(([label, list]) => [
        label,
        list.map(({ id, partnershipId }) => ({ id, partnershipId })),
      ]),
    );

  // Ids other partnerships own: found by the node writes themselves (each MERGE returns the rows whose
  // node is not the unit's, and leaves that node alone), refused after the last of them, before any
  // relationship is written; the refusal rolls the whole transaction back.
  const owned = ownershipCheck((record) => {
    const node = graph.nodes.get(String(record.id))!;
    return {
      ...where(node),
      entry: node.id,
      message: `is ${String(record.database ?? "no partnership")}'s in the database, but these seeds make it ${String(record.seeds)}'s: an id belongs to one partnership, and a load never takes over another's node.`,
      fix: `if both mean the same national or county-wide entity, reference a shared one (defined in seeds/shared/, \`partnership: shared\`); otherwise choose another id. If the database was loaded before the entity became shared, reload ${String(record.database)} with --reset.`,
    };
  });
  const steps: WriteStep[] = [
    checkStep(
      "check: referenced entities outside the unit",
      ownerRows(outside.values()),
      (label) =>
        `UNWIND $rows AS row OPTIONAL MATCH (n:${label} {id: row.id})
         WITH row, n WHERE n IS NULL OR n.partnershipId IS NULL OR n.partnershipId <> row.partnershipId
         RETURN row.id AS id, row.partnershipId AS seeds, n.partnershipId AS database, n IS NULL AS missing`,
      (record) => {
        const node = graph.nodes.get(String(record.id))!;
        const owner = String(record.seeds);
        return {
          ...where(node),
          entry: node.id,
          message: record.missing
            ? `is ${owner}'s and not in the database yet, but the partnership being loaded refers to it.`
            : `is ${String(record.database ?? "no partnership")}'s in the database, but the seeds say ${owner}'s.`,
          fix: record.missing
            ? `load ${owner} first (npm run seed -- --partnership ${owner}), or load the whole folder.`
            : `reload ${String(record.database)} with --reset, or correct the seeds.`,
        };
      },
    ),
  ];

  for (const [label, nodes] of group(written, (node) => node.label)) {
    const properties = model.labels.get(label)?.properties ?? new Map();
    steps.push(
      owned.write(
        `${label} nodes`,
        // The owner is set only on create; a node another partnership owns (or none) is not written
        // but returned, for the ownership check. One index seek per row does both.
        `${KEEP_PLAN}
         UNWIND $rows AS row
         MERGE (n:${label} {id: row.id})
         ON CREATE SET n.createdAt = datetime(), n.partnershipId = row.partnershipId
         WITH n, row, coalesce(n.partnershipId = row.partnershipId, false) AS own
         FOREACH (_ IN CASE WHEN own AND any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k])
                  THEN [1] ELSE [] END |
           SET n += row.props, n.updatedAt = datetime(), n.updatedBy = $actor)
         WITH n, row WHERE NOT own
         RETURN row.id AS id, row.partnershipId AS seeds, n.partnershipId AS database`,
        nodes.map((node) => ({
          id: node.id,
          partnershipId: node.partnershipId,
          props: toNeo4jProperties(node.properties, properties),
        })),
        { actor },
      ),
    );
  }
  steps.push(owned.check("check: ids other partnerships own"));
  for (const [label, rows] of group(evidence, (e) => e.label))
    steps.push(
      step(
        `${label} provenance`,
        `${KEEP_PLAN}
         UNWIND $rows AS row
         MATCH (n:${label} {id: row.id}) MATCH (d:Document {id: row.document})
         MERGE (n)-[:EVIDENCED_BY {locator: row.locator, partnershipId: row.partnershipId}]->(d)`,
        rows.map(({ id, document, locator, partnershipId }) => ({ id, document, locator, partnershipId })),
      ),
    );
  const labelOf = (id: string): string => graph.nodes.get(id)!.label;
  const groups = group(relationships, (r) => `${labelOf(r.from)}|${r.type}|${labelOf(r.to)}`);
  for (const rows of groups.values()) {
    const { type } = rows[0]!;
    const from = labelOf(rows[0]!.from);
    const to = labelOf(rows[0]!.to);
    const relationshipModel = model.labels.get(from)?.relationships.get(type);
    steps.push(
      step(
        `${from} ${type} ${to}`,
        `${KEEP_PLAN}
         UNWIND $rows AS row
         MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to})
         MERGE (a)-[r:${type} {key: row.key, partnershipId: row.partnershipId}]->(b)
         WITH r, row WHERE any(k IN keys(row.props) WHERE r[k] IS NULL OR r[k] <> row.props[k])
         SET r += row.props`,
        rows.map((r: SeedRelationship) => ({
          from: r.from,
          to: r.to,
          key: r.key,
          partnershipId: r.partnershipId,
          props: toNeo4jProperties(r.properties, relationshipModel?.properties ?? new Map()),
        })),
      ),
    );
  }
  return steps;
}
