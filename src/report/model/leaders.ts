import type { LeaderEdgeFragment, LeaderNodeFragment } from "../../../generated/documents.ts";
import { isValidAt } from "../../traversals/validity.ts";

export type LeaderKind = "Person" | "Body" | "Organisation";

/** Someone or something named as a lead: a person, a body or an organisation, with the role. */
export interface Leader {
  id: string;
  /** As the papers write it, with the honorific: "D Supt Mark Strugnell". */
  name: string;
  kind: LeaderKind;
  role: string;
}

export interface LeaderEdges {
  edges: readonly { properties: LeaderEdgeFragment; node: LeaderNodeFragment }[];
}

/** A person's name as a board paper prints it: "DCI Gary Randall". */
export const personName = (person: { name: string; honorific?: string | null }): string =>
  person.honorific ? `${person.honorific} ${person.name}` : person.name;

/** The leads valid on `asOf`, in a stable order (people after bodies and organisations, each by name). */
export function leadersAt(connection: LeaderEdges, asOf: string): Leader[] {
  const order: Record<LeaderKind, number> = { Organisation: 0, Body: 1, Person: 2 };
  return connection.edges
    .filter((edge) => isValidAt(edge.properties, asOf))
    .map(({ properties, node }) => ({
      id: node.id,
      name: node.__typename === "Person" ? personName(node) : node.name,
      kind: node.__typename,
      role: properties.role,
    }))
    .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}

/** The leads with one of `roles`, each once. */
export function withRole(leaders: readonly Leader[], ...roles: string[]): Leader[] {
  const seen = new Set<string>();
  return leaders.filter(
    (leader) => roles.includes(leader.role) && !seen.has(leader.id) && seen.add(leader.id),
  );
}

/** "Steve Murrant, Chief Inspector Andy Mariner": each once, whatever roles they hold. */
export const names = (leaders: readonly Leader[]): string =>
  [...new Set(leaders.map((leader) => leader.name))].join(", ");
