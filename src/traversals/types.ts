/** Plain result shapes of the traversals (the GraphQL types of schema/traversals.graphql). */

export interface PathNode {
  id: string;
  label: string;
  name: string;
}

/** Who is asking: whether restricted (Part 2) items may appear in results. */
export interface Viewer {
  restricted: boolean;
}

export const naturalCompare = (a: string | null | undefined, b: string | null | undefined): number =>
  (a ?? "").localeCompare(b ?? "", "en", { numeric: true });
