import { LABELS } from "../schema-model/index.js";

/**
 * Small Cypher pieces every traversal shares, so a rule (what a name is, what is restricted,
 * what is valid at a date) is written once.
 */

/** A UNION body (for `CALL () { ... }`) binding `variable` to the node with id `$param`, using each label's index (no scan). */
export const lookupUnion = (param: string, variable: string): string =>
  LABELS.map((label) => `MATCH (n:${label} {id: $${param}}) RETURN n AS ${variable}`).join(" UNION ");

/** A node as a PathNode map. */
export const pathNode = (v: string): string =>
  `{id: ${v}.id, label: head(labels(${v})), name: coalesce(${v}.name, ${v}.title, ${v}.ref, ${v}.period, ${v}.text, ${v}.id)}`;

/** True when the caller may see the node: restricted items only for officers of its partnership (see viewerParameters). */
export const visible = (v: string): string =>
  `(NOT coalesce(${v}.restricted, false) OR $officerAll OR ${v}.partnershipId IN $officerOf)`;
