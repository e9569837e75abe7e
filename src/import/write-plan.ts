import neo4j, { type ManagedTransaction } from "neo4j-driver";
import { LABELS, type DomainModel } from "../schema-model/index.ts";
import { relationshipKey, toNeo4jProperties } from "../seed/index.ts";
import type { LinkEnds, NodeWrite, PlannedWrites } from "./import-plan.ts";

/** The file as the Document everything written cites. */
export interface ImportDocument {
  id: string;
  title: string;
  fileName: string;
  /** The day of the first import of this file (YYYY-MM-DD); a re-import leaves it. */
  date: string;
  kind: string;
}

export interface WriteContext {
  partnershipId: string;
  actor: string;
  document: ImportDocument;
  model: DomainModel;
}

/** One statement of the write, run in the import's transaction. */
export interface ImportStep {
  description: string;
  rows: number;
  run(tx: ManagedTransaction): Promise<void>;
}

// Labels and types are spliced into the Cypher: only the model's own may be.
function checked(label: string): string {
  if (!LABELS.includes(label)) throw new Error(`Not a label of the model: ${label}`);
  return label;
}
function checkedType(type: string): string {
  if (!/^[A-Z_]+$/.test(type)) throw new Error(`Not a relationship type: ${type}`);
  return type;
}

const group = <T>(items: readonly T[], key: (item: T) => string): T[][] => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
};

/** Runs a statement and checks that it touched each row: a node that moved away fails the whole import. */
async function runAll(
  tx: ManagedTransaction,
  cypher: string,
  parameters: Record<string, unknown>,
  expected: number,
  what: string,
): Promise<void> {
  const result = await tx.run(cypher, parameters);
  const count = result.records[0]?.get("count");
  const done = typeof count === "number" ? count : neo4j.isInt(count) ? count.toNumber() : 0;
  if (done !== expected)
    throw new Error(
      `${what}: wrote ${done} of ${expected}; the graph changed under the import. Nothing was written: run it again.`,
    );
}

/**
 * The statements that write an import's plan, in order: the file's Document, new nodes, changed
 * properties (with provenance to the Document at the row's locator), removed links, new links
 * (with `source` and `locator`, merged on the seed loader's relationship key). Run them in one
 * transaction: any failure leaves the graph as it was.
 */
export function importSteps(writes: PlannedWrites, context: WriteContext): ImportStep[] {
  const { partnershipId, actor, document, model } = context;
  const common = { partnershipId, actor, document: document.id };
  const steps: ImportStep[] = [
    {
      description: `document ${document.id}`,
      rows: 1,
      async run(tx) {
        const result = await tx.run(
          `MERGE (d:Document {id: $document})
           ON CREATE SET d.partnershipId = $partnershipId, d.title = $title, d.fileName = $fileName,
             d.kind = $kind, d.date = $date, d.createdAt = datetime(), d.updatedAt = datetime(), d.updatedBy = $actor
           RETURN d.partnershipId AS owner`,
          {
            ...common,
            title: document.title,
            fileName: document.fileName,
            kind: document.kind,
            date: toNeo4jProperties({ date: document.date }, model.labels.get("Document")!.properties).date,
          },
        );
        const owner = result.records[0]?.get("owner") as string | undefined;
        if (owner !== partnershipId)
          throw new Error(
            `${document.id} is ${owner}'s: an import cites only a Document of its own partnership.`,
          );
      },
    },
  ];
  const properties = (write: NodeWrite): Record<string, unknown> =>
    toNeo4jProperties(write.props, model.labels.get(write.label)?.properties ?? new Map());
  for (const rows of group(writes.nodes, (w) => `${w.label}|${w.create}`)) {
    const { label, create } = rows[0]!;
    steps.push({
      description: `${create ? "create" : "update"} ${label}`,
      rows: rows.length,
      run: (tx) =>
        runAll(
          tx,
          create
            ? `UNWIND $rows AS row
               CREATE (n:${checked(label)} {id: row.id})
               SET n += row.props, n.partnershipId = $partnershipId, n.createdAt = datetime(),
                 n.updatedAt = datetime(), n.updatedBy = $actor
               WITH n, row MATCH (d:Document {id: $document})
               CREATE (n)-[:EVIDENCED_BY {locator: row.locator, partnershipId: $partnershipId}]->(d)
               RETURN count(*) AS count`
            : `UNWIND $rows AS row
               MATCH (n:${checked(label)} {id: row.id}) WHERE n.partnershipId = $partnershipId
               SET n += row.props, n.updatedAt = datetime(), n.updatedBy = $actor
               WITH n, row MATCH (d:Document {id: $document})
               MERGE (n)-[:EVIDENCED_BY {locator: row.locator, partnershipId: $partnershipId}]->(d)
               RETURN count(*) AS count`,
          { ...common, rows: rows.map((w) => ({ id: w.id, props: properties(w), locator: w.locator })) },
          rows.length,
          `${label} nodes`,
        ),
    });
  }
  const ends = (l: LinkEnds): string => `${l.fromLabel}|${l.type}|${l.toLabel}`;
  for (const rows of group(writes.unlinks, ends)) {
    const { fromLabel, type, toLabel } = rows[0]!;
    steps.push({
      description: `remove ${fromLabel} ${type} ${toLabel}`,
      rows: rows.length,
      run: (tx) =>
        runAll(
          tx,
          `UNWIND $rows AS row
           MATCH (a:${checked(fromLabel)} {id: row.from})-[r:${checkedType(type)}]->(b:${checked(toLabel)} {id: row.to})
           WHERE r.partnershipId = $partnershipId AND coalesce(r.role, '') = coalesce(row.role, '')
           WITH row, collect(r) AS links
           FOREACH (r IN links | DELETE r)
           RETURN count(row) AS count`,
          { ...common, rows: rows.map(({ from, to, role }) => ({ from, to, role })) },
          rows.length,
          `${type} links`,
        ),
    });
  }
  for (const rows of group(writes.links, ends)) {
    const { fromLabel, type, toLabel } = rows[0]!;
    steps.push({
      description: `link ${fromLabel} ${type} ${toLabel}`,
      rows: rows.length,
      run: (tx) =>
        runAll(
          tx,
          `UNWIND $rows AS row
           MATCH (a:${checked(fromLabel)} {id: row.from}) MATCH (b:${checked(toLabel)} {id: row.to})
           MERGE (a)-[r:${checkedType(type)} {key: row.key, partnershipId: $partnershipId}]->(b)
           ON CREATE SET r += row.props
           RETURN count(*) AS count`,
          {
            ...common,
            rows: rows.map((l) => ({
              from: l.from,
              to: l.to,
              key: relationshipKey(l.from, l.type, l.to, l.props),
              props: l.props,
            })),
          },
          rows.length,
          `${type} links`,
        ),
    });
  }
  return steps;
}
