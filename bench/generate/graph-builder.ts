import { SHARED } from "../../src/schema-model/index.ts";
import { relationshipKey, type Citation, type SeedGraph, type SeedNode } from "../../src/seed/index.ts";

/**
 * Builds one partnership's SeedGraph the way the seed validator would have: every node with its
 * partnership and evidence, every relationship with `source`, `locator` and the validator's key.
 */
export class GraphBuilder {
  readonly graph: SeedGraph = { nodes: new Map(), relationships: [] };
  private readonly keys = new Set<string>();
  readonly partnershipId: string;

  constructor(partnershipId: string) {
    this.partnershipId = partnershipId;
  }

  /** Adds a node; properties with undefined values are left out, as a seed file would. */
  node(label: string, id: string, properties: Record<string, unknown>, evidence: Citation[] = []): string {
    if (this.graph.nodes.has(id))
      throw new Error(
        `Generator bug: node id ${id} generated twice; ids must be unique within a partnership.`,
      );
    const node: SeedNode = {
      id,
      label,
      partnershipId: this.partnershipId,
      properties: defined(properties),
      evidence: evidence.map((citation) => ({ ...citation, partnershipId: this.partnershipId })),
      listedAt: ["bench/generate"],
    };
    this.graph.nodes.set(id, node);
    return id;
  }

  /**
   * Lists a shared entity in this partnership's papers, as a partnership's file mentions one: no
   * properties (only shared files set them), this partnership's own provenance.
   */
  mention(label: string, id: string, evidence: Citation[]): string {
    if (this.graph.nodes.has(id)) throw new Error(`Generator bug: ${id} mentioned twice.`);
    this.graph.nodes.set(id, {
      id,
      label,
      partnershipId: SHARED,
      properties: {},
      evidence: evidence.map((citation) => ({ ...citation, partnershipId: this.partnershipId })),
      listedAt: ["bench/generate"],
    });
    return id;
  }

  /** Adds a relationship from `from` to `to`, sourced from the evidence's document. */
  link(
    type: string,
    from: string,
    to: string,
    source: Citation,
    properties: Record<string, unknown> = {},
  ): void {
    const props = defined({ ...properties, source: source.document, locator: source.locator });
    const key = relationshipKey(from, type, to, props);
    // The same fact twice is one relationship (the validator merges them the same way).
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.graph.relationships.push({
      type,
      from,
      to,
      partnershipId: this.partnershipId,
      properties: props,
      key,
    });
  }
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Lower-case slug for ids: "Women's Aid" -> "womens-aid". */
export const slugify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Merges generated graphs as the validator merges files: partnerships' own ids are disjoint by
 * construction (each carries its slug); a shared entity listed by several keeps the shared
 * graph's properties and gathers every partnership's provenance. The inputs are not changed.
 */
export function mergeGraphs(graphs: readonly SeedGraph[]): SeedGraph {
  const merged: SeedGraph = { nodes: new Map(), relationships: [] };
  for (const graph of graphs) {
    for (const [id, node] of graph.nodes) {
      const existing = merged.nodes.get(id);
      merged.nodes.set(
        id,
        existing
          ? {
              ...existing,
              properties: { ...existing.properties, ...node.properties },
              evidence: [...existing.evidence, ...node.evidence],
              listedAt: [...existing.listedAt, ...node.listedAt],
            }
          : node,
      );
    }
    merged.relationships.push(...graph.relationships);
  }
  return merged;
}
