/**
 * Who sits on a body at a date: the one reading of MEMBER_OF for the clients (the report's
 * packs, the viewer's panel). Imports nothing but the validity rule and text, so the viewer's
 * bundle can import this file directly.
 */
import { naturalCompare } from "../text/natural-compare.ts";
import { isValidAt } from "./validity.ts";

/** MemberRole (schema/enums.graphql), most senior first; a role not listed ranks after these. */
const ROLE_ORDER: readonly string[] = ["CHAIR", "VICE_CHAIR", "MEMBER", "ADVISER", "SECRETARIAT"];

/** The rank of a MemberRole in ROLE_ORDER: 0 for CHAIR. */
const roleRank = (role: string): number => {
  const index = ROLE_ORDER.indexOf(role);
  return index < 0 ? ROLE_ORDER.length : index;
};

/** A MEMBER_OF edge as the clients' queries select it (membersConnection edges). */
export interface MemberEdge {
  node: { id: string; name: string };
  properties: {
    role: string;
    representing?: string | null;
    validFrom?: string | null;
    validTo?: string | null;
  };
}

/**
 * The members of a body at `asOf`, one edge per person although several papers record them:
 * the most senior role held then and, of that role's records, the latest (its `representing`
 * wins, or an earlier record's when the latest names none); chair first, then by name.
 * @example membersAt(body.membersConnection.edges, "2016-01-29").map((e) => e.properties.role)
 */
export function membersAt<E extends MemberEdge>(edges: readonly E[], asOf: string): E[] {
  const chosen = new Map<string, E>();
  for (const edge of edges) {
    if (!isValidAt(edge.properties, asOf)) continue;
    const known = chosen.get(edge.node.id);
    const seniority = known ? roleRank(edge.properties.role) - roleRank(known.properties.role) : -1;
    const later = known ? (edge.properties.validFrom ?? "") >= (known.properties.validFrom ?? "") : true;
    if (known && (seniority > 0 || (seniority === 0 && !later))) continue;
    const representing =
      edge.properties.representing ?? (seniority === 0 ? known?.properties.representing : null) ?? null;
    chosen.set(edge.node.id, { ...edge, properties: { ...edge.properties, representing } });
  }
  return [...chosen.values()].sort(
    (a, b) =>
      roleRank(a.properties.role) - roleRank(b.properties.role) || naturalCompare(a.node.name, b.node.name),
  );
}
