import type { PropertyModel } from "../schema-model/index.ts";
import { checkValue } from "./check-value.ts";
import type { SeedGraph, SeedNode, SeedRelationship } from "./seed-graph.ts";
import type { SeedIssue } from "./seed-issue.ts";

/** One file's listing of a node: which partnership's file it is, and where. */
export interface Listing {
  file: string;
  line?: number | undefined;
  partnershipId: string;
}

/** The properties one partnership's files give a node: where the first stands, and every field. */
export interface Settings {
  first: Listing;
  fields: string[];
}

/** A reference to check once every file is read: the target must exist, be of a kind, and be referable. */
export interface PendingReference {
  /** The entry (and its file's partnership) that makes the reference. */
  from: Listing;
  entry: string;
  field: string;
  to: string;
  relationship: string;
  targets: readonly string[];
}

/** The start of an issue about `entry` (and `field`) where it is listed. */
export const issueAt = (where: Listing, entry?: string, field?: string): Omit<SeedIssue, "message"> => ({
  file: where.file,
  ...(where.line ? { line: where.line } : {}),
  ...(entry ? { entry } : {}),
  ...(field ? { field } : {}),
});

/**
 * The seed graph while the files are being read: nodes merged by id across files, with what the
 * later checks need (each listing with its partnership, which partnership set which property,
 * the references). Lean on purpose: it holds every entry of every partnership being validated.
 */
export class SeedGraphDraft {
  readonly issues: SeedIssue[] = [];
  readonly nodes = new Map<string, SeedNode>();
  readonly relationships = new Map<string, SeedRelationship>();
  readonly references: PendingReference[] = [];
  readonly listings = new Map<string, Listing[]>();
  /** By node, then partnership: who gives its properties (a shared entity's come from shared files only). */
  readonly settings = new Map<string, Map<string, Settings>>();
  /** `id|property` given with a value that was refused: reported once, as bad, not again as missing. */
  readonly refused = new Set<string>();
  /** Ids mentioned by files that could not be read: problems about them may be knock-on. */
  readonly unreadable = new Map<string, string>();

  report(issue: SeedIssue): void {
    this.issues.push(issue);
  }

  /** The node listed here, merged with its other listings; undefined when its label disagrees. */
  listNode(label: string, id: string, where: Listing): SeedNode | undefined {
    const existing = this.nodes.get(id);
    if (existing && existing.label !== label) {
      this.report({
        ...issueAt(where, id),
        message: `is listed as ${label} here but as ${existing.label} in ${existing.listedAt[0]}.`,
        fix: "use a different id for a different kind of thing.",
      });
      return undefined;
    }
    // The owner is settled once every file is read (resolveOwnership); until then, the first file's.
    const node = existing ?? {
      id,
      label,
      partnershipId: where.partnershipId,
      properties: {},
      evidence: [],
      listedAt: [],
    };
    node.listedAt.push(where.line ? `${where.file}:${where.line}` : where.file);
    if (!existing) {
      this.nodes.set(id, node);
      this.listings.set(id, [where]);
    } else this.listings.get(id)!.push(where);
    return node;
  }

  /** Records that a file gives a property (valid or not), for the ownership check. */
  markGiven(id: string, field: string, where: Listing): void {
    let byPartnership = this.settings.get(id);
    if (!byPartnership) this.settings.set(id, (byPartnership = new Map()));
    const settings = byPartnership.get(where.partnershipId);
    if (settings) settings.fields.push(field);
    else byPartnership.set(where.partnershipId, { first: where, fields: [field] });
  }

  /** Sets a property from a file, merging lists and reporting two different single values. */
  setProperty(node: SeedNode, property: PropertyModel, value: unknown, where: Listing, field: string): void {
    this.markGiven(node.id, field, where);
    const problem = checkValue(property, value);
    if (problem) {
      this.refused.add(`${node.id}|${property.name}`);
      return this.report({ ...issueAt(where, node.id, field), message: problem.message, fix: problem.fix });
    }
    const previous = node.properties[property.name];
    if (previous === undefined) node.properties[property.name] = value;
    else if (property.list)
      node.properties[property.name] = [...new Set([...(previous as unknown[]), ...(value as unknown[])])];
    else if (JSON.stringify(previous) !== JSON.stringify(value))
      this.report({
        ...issueAt(where, node.id, field),
        message: `is ${JSON.stringify(value)} here but ${JSON.stringify(previous)} where ${node.id} is listed in ${node.listedAt[0]}.`,
        fix: "make the two files agree, or leave the property out of one of them.",
      });
  }

  addRelationship(relationship: SeedRelationship): void {
    const key = `${relationship.partnershipId}|${relationship.key}`;
    if (!this.relationships.has(key)) this.relationships.set(key, relationship);
  }

  graph(): SeedGraph {
    return { nodes: this.nodes, relationships: [...this.relationships.values()] };
  }
}
