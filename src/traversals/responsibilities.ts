import type { RelationshipType } from "../../generated/resolvers.ts";
import { pathNode, visible } from "./cypher-fragments.ts";
import type { ReadQuery } from "./read-query.ts";
import { fromRoot, inScope, rootPartnership, scopeParameters, type Scope } from "./scope.ts";
import type { PathNode } from "./types.ts";
import { validAt } from "./validity.ts";

export interface ResponsibilityRow {
  role: string;
  relationship: RelationshipType;
  subject: PathNode;
  validFrom: string | null;
  validTo: string | null;
  representing: string | null;
}

const ORDER: readonly RelationshipType[] = ["MEMBER_OF", "LED_BY", "WORKS_FOR"];

/**
 * What a person leads (LED_BY, with role), chairs and sits on (MEMBER_OF, with role and whom they
 * represent) and works for, valid at the scope's asOf, within the person's partnership (and shared
 * entities). A fact recorded by several papers (e.g. a membership listed in 2016 and 2017) is
 * listed once, from its latest record. One round trip.
 */
export async function responsibilities(
  read: ReadQuery,
  scope: Scope,
  personId: string,
): Promise<ResponsibilityRow[]> {
  const { items } = await fromRoot(read, scope, { id: personId, what: "person" }, async (scope) => {
    const [row] = await read(
      `OPTIONAL MATCH (p:Person {id: $id})
       WITH p, ${rootPartnership("p")} AS scopeId
       OPTIONAL CALL (p, scopeId) {
         MATCH (x)-[r:LED_BY]->(p) WHERE ${validAt("r")} AND ${inScope("x", "scopeId")} AND ${visible("x")}
         RETURN r.role AS role, 'LED_BY' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, null AS representing
         UNION
         MATCH (p)-[r:MEMBER_OF]->(x) WHERE (x:Body OR x:Partnership) AND ${validAt("r")} AND ${validAt("x")} AND ${inScope("x", "scopeId")}
         RETURN r.role AS role, 'MEMBER_OF' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, r.representing AS representing
         UNION
         MATCH (p)-[r:WORKS_FOR]->(x:Organisation) WHERE ${validAt("r")} AND ${inScope("x", "scopeId")}
         RETURN coalesce(r.title, 'STAFF') AS role, 'WORKS_FOR' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, null AS representing
       }
       WITH p, role, relationship, subject, validFrom, validTo, representing
       ORDER BY validFrom DESC
       WITH p, role, relationship, subject, head(collect({validFrom: validFrom, validTo: validTo, representing: representing})) AS latest
       RETURN p.partnershipId AS rootPartnershipId,
              collect(CASE WHEN subject IS NULL THEN null ELSE {role: role, relationship: relationship, subject: ${pathNode("subject")},
                      validFrom: latest.validFrom, validTo: latest.validTo, representing: latest.representing} END) AS items`,
      { id: personId, ...scopeParameters(scope) },
    );
    return row;
  });
  return (items as ResponsibilityRow[]).sort(
    (a, b) =>
      ORDER.indexOf(a.relationship) - ORDER.indexOf(b.relationship) ||
      a.role.localeCompare(b.role) ||
      a.subject.name.localeCompare(b.subject.name),
  );
}
