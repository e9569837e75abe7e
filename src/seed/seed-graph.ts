/** The validated, merged content of all seed files: what the loader writes. */

export interface Evidence {
  document: string;
  locator: string;
}

export interface SeedNode {
  id: string;
  label: string;
  partnershipId: string;
  /** Property values as written (dates stay "YYYY-MM-DD" strings; the loader converts them). */
  properties: Record<string, unknown>;
  evidence: Evidence[];
  /** Where the node is listed, for messages: "seeds/papers/x.yaml:12". */
  listedAt: string[];
}

export interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  /** Includes `source` and `locator`. */
  properties: Record<string, unknown>;
  /** Identity for MERGE: the same key twice is the same fact. */
  key: string;
}

export interface SeedGraph {
  nodes: Map<string, SeedNode>;
  relationships: SeedRelationship[];
}

export { ID_PREFIX, ID_PATTERN } from "../schema-model/index.js";

/** Relationship properties that tell two facts between the same nodes apart (a member, later the chair). */
export const IDENTITY_PROPERTIES = ["role", "kind", "status", "title", "validFrom"] as const;
