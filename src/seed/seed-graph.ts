/** The validated, merged content of all seed files: what the loader writes. */

/** Where a fact stands: a document and the place in it. */
export interface Citation {
  document: string;
  locator: string;
}

/** A provenance edge (node)-[:EVIDENCED_BY {locator}]->(document), owned by the file that cited it. */
export interface Evidence extends Citation {
  partnershipId: string;
}

export interface SeedNode {
  id: string;
  label: string;
  /** The owner: the partnership whose files list the node, or `shared` (docs/tenancy.md). */
  partnershipId: string;
  /** Property values as written (dates stay "YYYY-MM-DD" strings; the loader converts them). */
  properties: Record<string, unknown>;
  evidence: Evidence[];
  /** Where the node is listed, for messages: "seeds/barnet/papers/x.yaml:12". */
  listedAt: string[];
}

export interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  /** The partnership of the file that stated it (may differ from its ends' owners when one is shared). */
  partnershipId: string;
  /** Includes `source` and `locator`. */
  properties: Record<string, unknown>;
  /** Identity for MERGE (with partnershipId): the same key twice is the same fact. */
  key: string;
}

export interface SeedGraph {
  nodes: Map<string, SeedNode>;
  relationships: SeedRelationship[];
}

/** Relationship properties that tell two facts between the same nodes apart (a member, later the chair). */
export const IDENTITY_PROPERTIES = ["role", "kind", "status", "title", "validFrom"] as const;

/** The MERGE key of a relationship: its ends, type and identity properties. */
export const relationshipKey = (
  from: string,
  type: string,
  to: string,
  properties: Record<string, unknown>,
): string =>
  `${from}|${type}|${to}|${IDENTITY_PROPERTIES.map((name) => String(properties[name] ?? "")).join("|")}`;

/** Every partnership (or `shared`) that owns a node, an edge or a provenance link of the graph. */
export function partnershipsOf(graph: SeedGraph): string[] {
  const ids = new Set<string>();
  for (const node of graph.nodes.values()) {
    ids.add(node.partnershipId);
    for (const evidence of node.evidence) ids.add(evidence.partnershipId);
  }
  for (const relationship of graph.relationships) ids.add(relationship.partnershipId);
  return [...ids].sort();
}
