import type { PropertyModel } from "../schema-model/index.js";
import { checkValue } from "./check-value.js";
import type { SeedGraph, SeedNode, SeedRelationship } from "./seed-graph.js";
import type { SeedIssue } from "./seed-issue.js";

/** Where in a file something stands, for messages. */
export interface Place {
  file: string;
  line?: number;
}

/** One file's listing of a node: which partnership's file it is, and where. */
export interface Listing extends Place {
  partnershipId: string;
}

/** A property given for a node, and where. */
export interface Setting extends Listing {
  property: string;
  /** As written: `name`, or `document.title` for a file's document. */
  field: string;
}

/** A reference to check once every file is read: the target must exist, be of a kind, and be referable. */
export interface PendingReference {
  issue: Omit<SeedIssue, "message" | "fix">;
  /** The partnership of the file that makes the reference. */
  partnershipId: string;
  to: string;
  relationship: string;
  targets: readonly string[];
}

/**
 * The seed graph while the files are being read: nodes merged by id across files, with what the
 * later checks need (every listing with its partnership, who set which property, references).
 */
export class SeedGraphDraft {
  readonly issues: SeedIssue[] = [];
  readonly nodes = new Map<string, SeedNode>();
  readonly relationships = new Map<string, SeedRelationship>();
  readonly references: PendingReference[] = [];
  readonly listings = new Map<string, Listing[]>();
  /**
   * Every property some file gives (even invalidly), by node: a bad required value is reported
   * once, as bad; a partnership's file setting a shared entity's property is found.
   */
  readonly settings = new Map<string, Setting[]>();
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
        ...where,
        entry: id,
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
    this.nodes.set(id, node);
    const listings = this.listings.get(id) ?? [];
    listings.push(where);
    this.listings.set(id, listings);
    return node;
  }

  /** Sets a property from a file, merging lists and reporting two different single values. */
  setProperty(
    node: SeedNode,
    property: PropertyModel,
    value: unknown,
    where: Listing,
    issue: Omit<SeedIssue, "message">,
  ): void {
    this.markGiven(node.id, property.name, issue.field ?? property.name, where);
    const problem = checkValue(property, value);
    if (problem) return this.report({ ...issue, message: problem.message, fix: problem.fix });
    const previous = node.properties[property.name];
    if (previous === undefined) node.properties[property.name] = value;
    else if (property.list)
      node.properties[property.name] = [...new Set([...(previous as unknown[]), ...(value as unknown[])])];
    else if (JSON.stringify(previous) !== JSON.stringify(value))
      this.report({
        ...issue,
        message: `is ${JSON.stringify(value)} here but ${JSON.stringify(previous)} where ${node.id} is listed in ${node.listedAt[0]}.`,
        fix: "make the two files agree, or leave the property out of one of them.",
      });
  }

  /** Marks a property as given without a value to set (an unknown property name, reported already). */
  markGiven(id: string, property: string, field: string, where: Listing): void {
    const settings = this.settings.get(id) ?? [];
    settings.push({ ...where, property, field });
    this.settings.set(id, settings);
  }

  addRelationship(relationship: SeedRelationship): void {
    const key = `${relationship.partnershipId}|${relationship.key}`;
    if (!this.relationships.has(key)) this.relationships.set(key, relationship);
  }

  graph(): SeedGraph {
    return { nodes: this.nodes, relationships: [...this.relationships.values()] };
  }
}
