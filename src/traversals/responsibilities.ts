import { notFound } from "../errors/index.js";
import { pathNode } from "./cypher-fragments.js";
import { validAt } from "./validity.js";
import { dateParameter, type ReadQuery } from "./read-query.js";
import type { PathNode } from "./types.js";

export interface ResponsibilityRow {
  role: string;
  relationship: string;
  subject: PathNode;
  validFrom: string | null;
  validTo: string | null;
  representing: string | null;
}

/**
 * What a person leads (LED_BY, with role), chairs and sits on (MEMBER_OF, with role and whom they
 * represent) and works for, valid at `asOf` (default today). A fact recorded by several papers
 * (e.g. a membership listed in 2016 and 2017) is listed once, from its latest record. One round trip.
 */
export async function responsibilities(
  read: ReadQuery,
  personId: string,
  asOf?: string | null,
): Promise<ResponsibilityRow[]> {
  const [row] = await read(
    `OPTIONAL MATCH (p:Person {id: $id})
     OPTIONAL CALL (p) {
       MATCH (x)-[r:LED_BY]->(p) WHERE ${validAt("r")}
       RETURN r.role AS role, 'LED_BY' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, null AS representing
       UNION
       MATCH (p)-[r:MEMBER_OF]->(x:Body) WHERE ${validAt("r")} AND ${validAt("x")}
       RETURN r.role AS role, 'MEMBER_OF' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, r.representing AS representing
       UNION
       MATCH (p)-[r:WORKS_FOR]->(x:Organisation) WHERE ${validAt("r")}
       RETURN coalesce(r.title, 'STAFF') AS role, 'WORKS_FOR' AS relationship, x AS subject, r.validFrom AS validFrom, r.validTo AS validTo, null AS representing
     }
     WITH p, role, relationship, subject, validFrom, validTo, representing
     ORDER BY validFrom DESC
     WITH p, role, relationship, subject, head(collect({validFrom: validFrom, validTo: validTo, representing: representing})) AS latest
     RETURN p IS NOT NULL AS found,
            collect(CASE WHEN subject IS NULL THEN null ELSE {role: role, relationship: relationship, subject: ${pathNode("subject")},
                    validFrom: latest.validFrom, validTo: latest.validTo, representing: latest.representing} END) AS items`,
    { id: personId, asOf: dateParameter(asOf) },
  );
  if (!row?.found) throw notFound(personId, "person");
  const order = ["MEMBER_OF", "LED_BY", "WORKS_FOR"];
  return (row.items as ResponsibilityRow[]).sort(
    (a, b) =>
      order.indexOf(a.relationship) - order.indexOf(b.relationship) ||
      a.role.localeCompare(b.role) ||
      a.subject.name.localeCompare(b.subject.name),
  );
}
