import neo4j from "neo4j-driver";
import { SEARCH_INDEX } from "../graph/index.ts";
import { ID_PATTERN, SHARED } from "../schema-model/index.ts";
import { closeness, luceneQuery, type ReadQuery } from "../traversals/index.ts";
import { findExisting } from "./read-plan-state.ts";

/** What a lead cell may name: the targets of LED_BY. */
export const LEAD_LABELS = ["Person", "Body", "Organisation"] as const;

export interface LeadCandidate {
  id: string;
  label: string;
  name: string;
  aliases: string[];
  honorific: string | null;
  partnershipId: string;
}

/** What one name in a lead cell resolves to. */
export type LeadResolution =
  | { kind: "match"; lead: LeadCandidate }
  | { kind: "ambiguous"; candidates: LeadCandidate[] }
  | { kind: "unknown"; suggestions: LeadCandidate[] };

/** Words of rank and title that papers put before a name ("DCI Randall", "Cllr Longstaff"). */
const TITLE_WORDS = new Set(
  "mr mrs ms miss dr prof cllr councillor pc ps sgt sergeant dc ds di dci det detective ci insp inspector chief supt superintendent d ch commander cmdr sir dame rev".split(
    " ",
  ),
);

const words = (text: string): string[] => text.toLowerCase().split(/\W+/).filter(Boolean);
const withoutTitles = (text: string): string =>
  words(text)
    .filter((word) => !TITLE_WORDS.has(word))
    .join(" ");

/**
 * How close a name is to a candidate, by search's own measure (`closeness`: 0 when a spelling
 * has exactly the name's words, n when it has n more, 1000 when it lacks one), over the
 * candidate's name and aliases, with and without titles of rank.
 */
function distance(name: string, candidate: LeadCandidate): number {
  const bare = withoutTitles(name);
  let best = 1000;
  for (const spelling of [candidate.name, ...candidate.aliases])
    for (const [wanted, have] of [
      [name, spelling],
      [bare, spelling],
      [bare, withoutTitles(spelling)],
    ] as const)
      if (wanted) best = Math.min(best, closeness(wanted, have));
  return best;
}

/**
 * Pure: which candidate a name means. One candidate spelled exactly so (names and aliases, with
 * or without rank) wins; else the one whose spelling holds every word of the name ("DCI Randall"
 * for Gary Randall, DCI); several at the same closeness are ambiguous; none is unknown, with the
 * search's best hits as suggestions.
 */
export function pickLead(name: string, candidates: readonly LeadCandidate[]): LeadResolution {
  const scored = candidates.map((candidate) => ({ candidate, distance: distance(name, candidate) }));
  for (const accept of [(d: number) => d === 0, (d: number) => d < 1000]) {
    const found = scored.filter((s) => accept(s.distance)).map((s) => s.candidate);
    if (found.length === 1) return { kind: "match", lead: found[0]! };
    if (found.length > 1) return { kind: "ambiguous", candidates: found };
  }
  return { kind: "unknown", suggestions: candidates.slice(0, 5) };
}

/** How many full-text hits of the partnership (and shared entities) are weighed per name. */
const CANDIDATES = 50;

/**
 * Resolves the names of lead cells within `partnershipId` and shared entities, through the
 * search's full-text index and query (names, titles and aliases, one typo per word) and then
 * `pickLead`; a cell may also hold an id (person:..., org:..., body:...). One round trip for
 * the names, one for the ids.
 */
export async function resolveLeads(
  read: ReadQuery,
  partnershipId: string,
  names: readonly string[],
): Promise<Map<string, LeadResolution>> {
  const resolved = new Map<string, LeadResolution>();
  const ids = names.filter((name) => ID_PATTERN.test(name));
  const existing = await findExisting(read, ids);
  for (const id of ids) {
    const node = existing.get(id);
    const fits =
      node &&
      (LEAD_LABELS as readonly string[]).includes(node.label) &&
      (node.partnershipId === partnershipId || node.partnershipId === SHARED);
    resolved.set(
      id,
      fits
        ? {
            kind: "match",
            lead: {
              id,
              label: node.label,
              name: node.name,
              aliases: [],
              honorific: null,
              partnershipId: node.partnershipId!,
            },
          }
        : { kind: "unknown", suggestions: [] },
    );
  }
  const queries = names
    .filter((name) => !ID_PATTERN.test(name))
    .map((name) => ({ name, lucene: luceneQuery(name) }));
  const rows = queries.some((q) => q.lucene)
    ? await read(
        `UNWIND $queries AS q
         CALL (q) {
           CALL db.index.fulltext.queryNodes($index, q.lucene) YIELD node, score
           WHERE (${LEAD_LABELS.map((label) => `node:${label}`).join(" OR ")})
             AND node.partnershipId IN [$partnershipId, $shared]
           RETURN node, score ORDER BY score DESC LIMIT $candidates
         }
         RETURN q.name AS name, collect({id: node.id, label: head(labels(node)), name: coalesce(node.name, node.id),
           aliases: coalesce(node.aliases, []), honorific: node.honorific, partnershipId: node.partnershipId}) AS candidates`,
        {
          queries: queries.filter((q) => q.lucene),
          index: SEARCH_INDEX,
          partnershipId,
          shared: SHARED,
          candidates: neo4j.int(CANDIDATES),
        },
      )
    : [];
  const byName = new Map(rows.map((row) => [String(row.name), row.candidates as LeadCandidate[]]));
  for (const { name } of queries) resolved.set(name, pickLead(name, byName.get(name) ?? []));
  return resolved;
}
