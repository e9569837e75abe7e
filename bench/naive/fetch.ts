import { isValidAt, type Dated, type PathNode, type ReadQuery } from "../../src/traversals/index.ts";

/** A node as the naive resolvers pass it around: its properties plus its label. */
export type Entity = Record<string, unknown> & { id: string; __typename: string };

/** One round trip: nodes matched by `pattern` (which binds `x`), as entities. */
export async function entities(
  read: ReadQuery,
  pattern: string,
  parameters: Record<string, unknown>,
): Promise<Entity[]> {
  const rows = await read(`${pattern} RETURN properties(x) AS n, head(labels(x)) AS label`, parameters);
  return rows.map(
    (row) => ({ ...(row.n as Record<string, unknown>), __typename: String(row.label) }) as Entity,
  );
}

/** One round trip: the node with this id and label, or null. */
export async function entity(read: ReadQuery, label: string, id: string): Promise<Entity | null> {
  return (await entities(read, `MATCH (x:${label} {id: $id})`, { id }))[0] ?? null;
}

/** The PathNode of an entity, by the same rule as the traversals' Cypher (name, title, ref, period, text, id). */
export function pathNodeOf(node: Entity): PathNode {
  const name = [node.name, node.title, node.ref, node.period, node.text].find(
    (value) => value !== undefined && value !== null,
  );
  return { id: node.id, label: node.__typename, name: String(name ?? node.id) };
}

/** The traversals' "valid at" rule on an entity or relationship as read (dates already plain strings). */
export const validAt = (value: Record<string, unknown>, asOf: string): boolean =>
  isValidAt(value as Dated, asOf);

/** Neo4j's ORDER BY: nulls sort last ascending, first descending. */
export function neo4jOrder<T extends Record<string, unknown>>(
  items: T[],
  key: string,
  direction: "ASC" | "DESC",
): T[] {
  const sign = direction === "ASC" ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x == null && y == null) return 0;
    if (x == null) return sign;
    if (y == null) return -sign;
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}
