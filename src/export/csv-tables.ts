import { stringify } from "csv-stringify/sync";
import type { DomainModel } from "../schema-model/index.ts";
import { isOfficerOf, visible, viewerParameters, type ReadQuery } from "../traversals/index.ts";
import type { ExportScope } from "./read-structure.ts";
import { restrictedFieldsOf } from "./restricted.ts";

/** One CSV file: a label's nodes or a relationship type's relationships. */
export interface CsvTable {
  /** File name: `<Label>.csv` or `<TYPE>.csv`. */
  name: string;
  kind: "node" | "relationship";
  /** Label or relationship type. */
  of: string;
  rows: number;
  csv: string;
}

/** Lists as "a; b" (what a spreadsheet shows), everything else as its plain text. */
const cell = (value: unknown): string =>
  value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);

const csvOf = (columns: readonly string[], rows: Record<string, unknown>[]): string =>
  stringify([columns, ...rows.map((row) => columns.map((column) => cell(row[column])))], {
    record_delimiter: "\r\n",
  });

/**
 * One CSV per label and per relationship type of the partnership's own nodes, with ids, for
 * spreadsheets and other databases. The same scope as graphStats: nodes the partnership owns and
 * the caller may see, relationships from them to nodes the caller may see, so the row counts equal
 * its counts. Restricted fields appear only for officers of the partnership. One round trip a label.
 */
export async function csvTables(
  read: ReadQuery,
  model: DomainModel,
  scope: ExportScope,
): Promise<CsvTable[]> {
  const restricted = isOfficerOf(scope.viewer, scope.partnershipId);
  const nodeTables: CsvTable[] = [];
  const relationships = new Map<string, { columns: Set<string>; rows: Record<string, unknown>[] }>();
  for (const [label, labelModel] of model.labels) {
    const hidden = new Set(restricted ? [] : restrictedFieldsOf(model, label));
    const properties = [...labelModel.properties.keys()].filter((name) => !hidden.has(name));
    const [row] = await read(
      `MATCH (n:${label} {partnershipId: $partnershipId}) WHERE ${visible("n")}
       WITH n ORDER BY n.id
       RETURN collect(n {.*, relationships: COLLECT {
         MATCH (n)-[r]->(m) WHERE ${visible("m")}
         WITH r, m ORDER BY type(r), m.id
         RETURN {type: type(r), from: n.id, fromLabel: $label, to: m.id, toLabel: head(labels(m)), properties: properties(r)}
       }}) AS nodes`,
      { label, partnershipId: scope.partnershipId, ...viewerParameters(scope.viewer) },
    );
    const nodes = (row?.nodes ?? []) as Record<string, unknown>[];
    if (nodes.length)
      nodeTables.push({
        name: `${label}.csv`,
        kind: "node",
        of: label,
        rows: nodes.length,
        csv: csvOf(["id", "partnershipId", ...properties], nodes),
      });
    for (const relationship of nodes.flatMap((node) => node.relationships) as {
      type: string;
      from: string;
      fromLabel: string;
      to: string;
      toLabel: string;
      properties: Record<string, unknown>;
    }[]) {
      const table = relationships.get(relationship.type) ?? { columns: new Set<string>(), rows: [] };
      relationships.set(relationship.type, table);
      const declared = labelModel.relationships.get(relationship.type)?.properties;
      for (const name of declared?.keys() ?? []) table.columns.add(name);
      const { properties: values, ...ends } = relationship;
      table.rows.push({ ...ends, ...values });
    }
  }
  const relationshipTables = [...relationships]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, table]): CsvTable => ({
      name: `${type}.csv`,
      kind: "relationship",
      of: type,
      rows: table.rows.length,
      csv: csvOf(["from", "fromLabel", "to", "toLabel", ...table.columns], table.rows),
    }));
  return [...nodeTables.sort((a, b) => a.of.localeCompare(b.of)), ...relationshipTables];
}
