import type { Driver } from "neo4j-driver";
import { FAN_OUT_AFTER, type FanOutTable, type RelationshipField } from "../../src/api/index.ts";
import { today } from "../../src/text/index.ts";

/** Every relationship with its ends' labels: one scan (the sample store has about 10,000). */
const RELATIONSHIPS = `
MATCH (a)-[r]->(b)
RETURN elementId(a) AS a, labels(a) AS from, type(r) AS type, elementId(b) AS b, labels(b) AS to`;

export interface MeasuredDegree {
  field: string;
  /** Size-biased mean degree: sum(d²) / sum(d) over the nodes of the field's type. */
  fanOut: number;
  /** Plain mean over the nodes of the type (zeros included). */
  mean: number;
  /** The most rows one node has. */
  most: number;
}

/**
 * Per label: the most nodes one partnership owns, and the shared ones (`partnershipId: "shared"`),
 * whose sum is what one partnership's scope can hold.
 */
const SCOPES = `
MATCH (n)
UNWIND labels(n) AS label
WITH label, n.partnershipId = 'shared' AS shared, n.partnershipId AS partnership, count(*) AS nodes
RETURN label, max(CASE WHEN shared THEN 0 ELSE nodes END) AS most, sum(CASE WHEN shared THEN nodes ELSE 0 END) AS shared`;

const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * Measures, from the graph, how many rows every relationship list has under one row:
 * - per field (`Person.memberOf`), the size-biased mean degree sum(d²) / sum(d): a node reached
 *   through some relationship is picked in proportion to its degree (`memberOf { members }`
 *   reaches the big boards more often than the small ones), so this, not the plain mean, is the
 *   average rows under it;
 * - per pair of fields (`Body.members>Person.memberOf`), the mean degree of the second field over
 *   the rows the first one reaches: what a nested list really has (the sub-objectives of
 *   sub-objectives are few, the boards of a board's members many).
 * Fields without data count one row, the least a relationship list is priced at. And per node
 * type, the candidates a root list's filter is checked against (FanOutTable.candidates).
 */
export async function measureFanOuts(
  driver: Driver,
  database: string,
  fields: readonly RelationshipField[],
  graph: string,
): Promise<{ table: FanOutTable; degrees: MeasuredDegree[] }> {
  const { records } = await driver.executeQuery(RELATIONSHIPS, {}, { database, routing: "READ" });
  const labels = new Map<string, readonly string[]>();
  /** node -> "TYPE|direction" -> the nodes at the other end. */
  const neighbours = new Map<string, Map<string, string[]>>();
  const add = (node: string, key: string, other: string) => {
    let byKey = neighbours.get(node);
    if (!byKey) neighbours.set(node, (byKey = new Map()));
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(other);
  };
  for (const record of records) {
    const [a, b, type] = [String(record.get("a")), String(record.get("b")), String(record.get("type"))];
    labels.set(a, record.get("from") as string[]);
    labels.set(b, record.get("to") as string[]);
    add(a, `${type}|OUT`, b);
    add(b, `${type}|IN`, a);
  }
  const { records: counts } = await driver.executeQuery(
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes",
    {},
    { database, routing: "READ" },
  );
  const nodesOf = new Map(counts.map((r) => [String(r.get("label")), Number(r.get("nodes"))]));

  /** The rows `field` has under `node`: its relationships whose other end is one of the targets. */
  const rowsUnder = (node: string, field: RelationshipField): string[] =>
    (neighbours.get(node)?.get(`${field.type}|${field.direction}`) ?? []).filter((other) =>
      labels.get(other)!.some((label) => field.targets.includes(label)),
    );
  const withLabel = new Map<string, string[]>();
  const nodesWith = (label: string): string[] => {
    let nodes = withLabel.get(label);
    if (!nodes)
      withLabel.set(
        label,
        (nodes = [...neighbours.keys()].filter((node) => labels.get(node)!.includes(label))),
      );
    return nodes;
  };

  const degrees: MeasuredDegree[] = [];
  const fanOuts: Record<string, number> = {};
  const byLabel = new Map<string, RelationshipField[]>();
  for (const field of fields) {
    const label = field.field.split(".")[0]!;
    byLabel.set(label, [...(byLabel.get(label) ?? []), field]);
  }
  for (const field of fields) {
    const label = field.field.split(".")[0]!;
    const rows = nodesWith(label).map((node) => rowsUnder(node, field).length);
    const total = rows.reduce((a, b) => a + b, 0);
    const squares = rows.reduce((a, b) => a + b * b, 0);
    const fanOut = Math.max(1, round(total ? squares / total : 0));
    degrees.push({
      field: field.field,
      fanOut,
      mean: round(total / Math.max(1, nodesOf.get(label) ?? 0)),
      // (A spread would overflow the stack at a national graph's hundreds of thousands of rows.)
      most: rows.reduce((a, b) => Math.max(a, b), 0),
    });
    fanOuts[field.field] = fanOut;
  }
  for (const first of fields) {
    const label = first.field.split(".")[0]!;
    const reached = nodesWith(label).flatMap((node) => rowsUnder(node, first));
    if (!reached.length) continue;
    for (const target of first.targets)
      for (const second of byLabel.get(target) ?? []) {
        const under = reached.filter((node) => labels.get(node)!.includes(target));
        if (!under.length) continue;
        const rows = under.reduce((sum, node) => sum + rowsUnder(node, second).length, 0);
        // At least one row, as for a single field; the larger of two targets' (union) figures.
        const key = `${first.field}${FAN_OUT_AFTER}${second.field}`;
        fanOuts[key] = Math.max(fanOuts[key] ?? 1, round(rows / under.length));
      }
  }
  degrees.sort((a, b) => a.field.localeCompare(b.field));
  // The node types: every relationship's owner and targets (Document has none of its own).
  const nodeTypes = new Set(fields.flatMap((f) => [f.field.split(".")[0]!, ...f.targets]));
  const { records: scopes } = await driver.executeQuery(SCOPES, {}, { database, routing: "READ" });
  const candidates = Object.fromEntries(
    scopes
      .map(
        (r) =>
          [String(r.get("label")), Math.max(1, Number(r.get("most")) + Number(r.get("shared")))] as const,
      )
      .filter(([label]) => nodeTypes.has(label))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    table: {
      measuredAt: today(),
      graph,
      fanOuts: Object.fromEntries(Object.entries(fanOuts).sort(([a], [b]) => a.localeCompare(b))),
      candidates,
    },
    degrees,
  };
}
