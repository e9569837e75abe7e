/** Plain result shapes of the traversals (the GraphQL types of schema/traversals.graphql). */

export interface PathNode {
  id: string;
  label: string;
  name: string;
}

/** Who is asking: the partnerships whose restricted (Part 2) items the caller may see, or all (admin). */
export interface Viewer {
  officerOf: readonly string[] | "all";
}

export const ANONYMOUS: Viewer = { officerOf: [] };

/** True when the viewer is an officer (or admin) of the partnership: the TypeScript side of `visible()`. */
export const isOfficerOf = (viewer: Viewer, partnershipId: string): boolean =>
  viewer.officerOf === "all" || viewer.officerOf.includes(partnershipId);

/** The Cypher parameters `visible()` reads. */
export const viewerParameters = (viewer: Viewer): { officerAll: boolean; officerOf: readonly string[] } => ({
  officerAll: viewer.officerOf === "all",
  officerOf: viewer.officerOf === "all" ? [] : viewer.officerOf,
});
