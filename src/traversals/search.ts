import neo4j from "neo4j-driver";
import { SEARCH_FIELDS, SEARCH_INDEX } from "../graph/index.js";
import { SHARED } from "../schema-model/index.js";
import { editDistance } from "../text/index.js";
import { pathNode, visible } from "./cypher-fragments.js";
import { capped } from "./limits.js";
import type { ReadQuery } from "./read-query.js";
import { assertPartnershipExists, inScope, scopeParameters, type PartnershipScope } from "./scope.js";
import type { PathNode } from "./types.js";

export interface SearchHitRow {
  score: number;
  node: PathNode;
  matched: string;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Lucene query text: every word exact (boosted), as a prefix, or within one typo. */
export function luceneQuery(text: string): string {
  const words = text
    .replace(LUCENE_SPECIAL, " ")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0 && !["and", "or", "not", "to"].includes(w));
  return words.map((w) => (w.length > 3 ? `(${w}^3 OR ${w}* OR ${w}~1)` : `(${w}^3 OR ${w}*)`)).join(" ");
}

/**
 * The whole Lucene query of a scoped search: the words over names, titles and aliases only (the
 * index also holds partnershipId), and the partnership or shared required, as a phrase (the id's
 * tokens in order) with no weight in the score. The phrase narrows the candidates inside Lucene;
 * the exact partnershipId is checked after (a phrase of "partnership:barnet" also matches
 * "partnership:barnet-north").
 */
export function scopedLuceneQuery(words: string, partnershipId: string): string {
  const phrase = (value: string): string => `"${value.replace(/["\\]/g, " ")}"`;
  const fields = SEARCH_FIELDS.map((field) => `${field}:(${words})`).join(" OR ");
  return `+(${fields}) +partnershipId:(${phrase(partnershipId)} OR ${phrase(SHARED)})^0`;
}

/** Which of a node's spellings the text is closest to: the name, the title or an alias. */
export function matchedSpelling(text: string, spellings: readonly string[]): string {
  const wanted = text.toLowerCase();
  const scored = spellings.map((spelling) => {
    const lower = spelling.toLowerCase();
    const contains = lower.includes(wanted) ? 0 : 1;
    const words = lower.split(/\W+/);
    const distance = Math.min(
      ...wanted.split(/\s+/).map((w) => Math.min(...words.map((x) => editDistance(w, x)))),
    );
    return { spelling, key: contains * 1000 + distance };
  });
  scored.sort((a, b) => a.key - b.key);
  return scored[0]?.spelling ?? spellings[0] ?? "";
}

/**
 * How many words a spelling has beyond the text when it holds every word of it (0: the text
 * itself), else a large number: a name or alias beats a long title that merely mentions it.
 */
export function closeness(text: string, spelling: string): number {
  const words = (value: string): string[] => value.toLowerCase().split(/\W+/).filter(Boolean);
  const wanted = words(text);
  const have = words(spelling);
  return wanted.every((word) => have.includes(word)) ? have.length - wanted.length : 1000;
}

/**
 * Full-text search over names, titles and aliases of the scope's partnership and shared entities;
 * restricted items only for officers. One round trip.
 */
export async function search(
  read: ReadQuery,
  scope: PartnershipScope,
  text: string,
  limit = 20,
): Promise<SearchHitRow[]> {
  const max = capped("searchLimit", limit);
  const words = luceneQuery(text);
  if (!words) return [];
  const rows = await read(
    `OPTIONAL MATCH (partnership:Partnership {id: $partnershipId})
     WITH partnership IS NOT NULL AS known
     CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
     WHERE known AND ${inScope("node")} AND ${visible("node")}
     RETURN score, ${pathNode("node")} AS node, [s IN [node.name, node.title] + coalesce(node.aliases, []) WHERE s IS NOT NULL] AS spellings
     ORDER BY score DESC`,
    {
      index: SEARCH_INDEX,
      query: scopedLuceneQuery(words, scope.partnershipId),
      candidates: neo4j.int(max * 3),
      ...scopeParameters(scope),
    },
  );
  // Nothing found may mean an unknown partnership (shared entities match any): say so.
  if (!rows.length) await assertPartnershipExists(read, scope.partnershipId);
  return rows
    .map((row) => {
      const matched = matchedSpelling(text, row.spellings as string[]);
      return {
        hit: { score: row.score as number, node: row.node as PathNode, matched },
        closeness: closeness(text, matched),
      };
    })
    .sort((a, b) => a.closeness - b.closeness || b.hit.score - a.hit.score)
    .slice(0, max)
    .map(({ hit }) => hit);
}
