import { validAt } from "./validity.ts";

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

/** The two kinds of line between bodies: solid (accountable to) and dashed (provides updates to). */
export const LINES = "ACCOUNTABLE_TO|PROVIDES_UPDATES_TO";

/**
 * Cypher pattern: from `from` up lines of `types` to `to`, between `min` and 10 hops, every line
 * valid at $asOf (and every body reached meeting `reached.where`, with `reached.node` bound to it).
 */
export const validLinesUp = (
  from: string,
  to: string,
  types = LINES,
  min = 1,
  reached?: { node: string; where: string },
): string =>
  `(${from}) ((:Body)-[line:${types}]->(${reached?.node ?? ""}:Body) WHERE ${validAt("line")}${
    reached ? ` AND ${reached.where}` : ""
  }){${min},10} (${to})`;

/**
 * A subquery body (for `OPTIONAL CALL (...) { ... }`) returning `variable`: the top body of the
 * partnership `partnership` names ($partnershipId, or a variable) at $asOf. That is the body its
 * Partnership node names (TOP_BODY), else the body of the partnership, valid at asOf, with no
 * ACCOUNTABLE_TO line valid at asOf to another body of the partnership that has the most bodies
 * accountable to it (directly or not); a tie goes to a TOP_KINDS kind, then to the smaller id.
 * Reads the Partnership by id and then the partnershipId index: only that partnership's bodies.
 */
export const topBody = (variable: string, partnership = "$partnershipId"): string =>
  `OPTIONAL MATCH (:Partnership {id: ${partnership}})-[:TOP_BODY]->(named:Body)
   WITH ${partnership.startsWith("$") ? "" : `${partnership}, `}named LIMIT 1
   OPTIONAL CALL (${partnership.startsWith("$") ? "" : `${partnership}, `}named) {
     WITH named WHERE named IS NULL
     MATCH (candidate:Body) WHERE candidate.partnershipId = ${partnership} AND ${validAt("candidate")}
       AND NOT EXISTS { MATCH (candidate)-[up:ACCOUNTABLE_TO]->(above:Body)
                        WHERE above.partnershipId = ${partnership} AND ${validAt("up")} AND ${validAt("above")} }
     CALL (candidate) {
       OPTIONAL MATCH ${validLinesUp("under:Body", "candidate", "ACCOUNTABLE_TO")}
       RETURN count(DISTINCT under) AS under
     }
     RETURN candidate
     ORDER BY under DESC, CASE WHEN ${hasTopKind("candidate")} THEN 0 ELSE 1 END, candidate.id
     LIMIT 1
   }
   RETURN coalesce(named, candidate) AS ${variable}`;

/**
 * Cypher expression: the bodies a route to the board may end at, given the partnership's `top`
 * (bound, possibly null): the top and every body above it through lines valid at $asOf.
 */
export const headsAbove = (top: string): string =>
  `CASE WHEN ${top} IS NULL THEN [] ELSE [${top}] + COLLECT { MATCH ${validLinesUp(top, "above:Body")} RETURN DISTINCT above } END`;

/**
 * Cypher predicate, the route-to-board rule written once (the health check and the diagram):
 * `body` is none of `heads` (headsAbove) and reaches none through lines valid at $asOf. Written
 * as the negative the health check asks, so its plan stays the one it had.
 */
export const hasNoRouteTo = (body: string, heads: string): string =>
  `NOT ${body} IN ${heads} AND NOT EXISTS { MATCH ${validLinesUp(body, "head:Body")} WHERE head IN ${heads} }`;
