import { validAt } from "./validity.js";

/**
 * The top of a partnership's structure (docs/tenancy.md), written once: the rule the diagram,
 * the accountability chain and the route-to-board health check all use.
 */

/**
 * Body kinds that stand at the top of lines by nature (boards and committees): one with no line
 * up is not a gap. The partnership's own top is found by its lines whatever its kind (topBody).
 */
export const TOP_KINDS: readonly string[] = [
  "STATUTORY_BOARD",
  "MEMBERS_COMMITTEE",
  "EXTERNAL_BOARD",
  // A district's local strategic partnership board, above its CSP (seeds/lichfield).
  "LOCAL_STRATEGIC_PARTNERSHIP",
];

export const isTopKind = (kind: string | null | undefined): boolean => TOP_KINDS.includes(kind ?? "");

const topKindsList = `[${TOP_KINDS.map((kind) => `'${kind}'`).join(", ")}]`;

/** Cypher: true when body `v` is of a kind in TOP_KINDS. */
export const hasTopKind = (v: string): string => `${v}.kind IN ${topKindsList}`;

/** Cypher: a line (ACCOUNTABLE_TO or PROVIDES_UPDATES_TO) of any length up to 10, every hop valid at $asOf. */
export const validLinesUp = (
  from: string,
  to: string,
  types = "ACCOUNTABLE_TO|PROVIDES_UPDATES_TO",
): string => `(${from}) (()-[line:${types}]->() WHERE ${validAt("line")}){1,10} (${to})`;

/**
 * A subquery body (for `OPTIONAL CALL () { ... }`) returning `variable`: the top body of
 * $partnershipId at $asOf. That is the body of the partnership, valid at asOf, with no
 * ACCOUNTABLE_TO line valid at asOf to another body of the partnership, that has the most bodies
 * accountable to it (directly or not); a tie goes to a board or committee kind, then to the
 * smaller id. Reads the partnershipId index, then only that partnership's bodies.
 */
export const topBody = (variable: string): string =>
  `MATCH (candidate:Body) WHERE candidate.partnershipId = $partnershipId AND ${validAt("candidate")}
     AND NOT EXISTS { MATCH (candidate)-[up:ACCOUNTABLE_TO]->(above:Body)
                      WHERE above.partnershipId = $partnershipId AND ${validAt("up")} AND ${validAt("above")} }
   CALL (candidate) {
     OPTIONAL MATCH ${validLinesUp("under:Body", "candidate", "ACCOUNTABLE_TO")}
     RETURN count(DISTINCT under) AS under
   }
   RETURN candidate AS ${variable}
   ORDER BY under DESC, CASE WHEN ${hasTopKind("candidate")} THEN 0 ELSE 1 END, candidate.id
   LIMIT 1`;
