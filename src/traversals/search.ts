import neo4j from "neo4j-driver";
import { ErrorCode, GovernanceError } from "../errors/index.ts";
import { luceneRefusal, RESTRICTED_SEARCH_INDEX, SEARCH_FIELDS, SEARCH_INDEX } from "../graph/index.ts";
import { SHARED } from "../schema-model/index.ts";
import { editDistance } from "../text/index.ts";
import { officerOfPartnership, pathNode, visible } from "./cypher-fragments.ts";
import { capped, limitExceeded, LIMITS } from "./limits.ts";
import type { ReadQuery } from "./read-query.ts";
import { assertPartnershipExists, inScope, scopeParameters, settlePartnership, type Scope } from "./scope.ts";
import type { PathNode } from "./types.ts";

export interface SearchHitRow {
  score: number;
  node: PathNode;
  matched: string;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const DROPPED = new Set(["and", "or", "not", "to"]);

/** The words of a search text as Lucene will see them: punctuation and the words and/or/not/to dropped. */
export function searchWords(text: string): string[] {
  return text
    .replace(LUCENE_SPECIAL, " ")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0 && !DROPPED.has(w));
}

/**
 * The words of a search text within the search bounds (LIMITS: length, words, word length,
 * repeats), checked before any database work; over one, LIMIT_EXCEEDED naming it and the value.
 */
export function boundedSearchWords(text: string): string[] {
  if (text.length > LIMITS.searchLength)
    throw limitExceeded("searchLength", text.length, "A search text has at most this many characters:");
  const words = searchWords(text);
  if (words.length > LIMITS.searchWords)
    throw limitExceeded("searchWords", words.length, "A search text has at most this many words:");
  const longest = Math.max(0, ...words.map((w) => w.length));
  if (longest > LIMITS.searchWordLength)
    throw limitExceeded("searchWordLength", longest, "A search word has at most this many characters:");
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const repeats = Math.max(0, ...counts.values());
  if (repeats > LIMITS.searchRepeats)
    throw limitExceeded("searchRepeats", repeats, "A search word appears at most this many times:");
  return words;
}

/** Lucene query text of words: every word exact (boosted), as a prefix, or within one typo. */
export const luceneWords = (words: readonly string[]): string =>
  words.map((w) => (w.length > 3 ? `(${w}^3 OR ${w}* OR ${w}~1)` : `(${w}^3 OR ${w}*)`)).join(" ");

/** Lucene query text of a text's words (unbounded: the import's lead names; search bounds its own). */
export const luceneQuery = (text: string): string => luceneWords(searchWords(text));

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
 * How well a spelling matches the words, from the two alone: each word counts 3 when the
 * spelling has it, 2 as the start of one of its words, 1 within one typo (words over 3
 * characters, as luceneWords), averaged over the words. Never Lucene's score, whose word
 * statistics span the whole index (other partnerships' restricted items, for an officer).
 */
export function relevance(words: readonly string[], spelling: string): number {
  const have = spelling.toLowerCase().split(/\W+/).filter(Boolean);
  const points = (word: string): number => {
    if (have.includes(word)) return 3;
    if (have.some((x) => x.startsWith(word))) return 2;
    return word.length > 3 && have.some((x) => editDistance(word, x) <= 1) ? 1 : 0;
  };
  return words.length ? words.reduce((sum, word) => sum + points(word), 0) / words.length : 0;
}

/** Lucene's refusal of a query within the bounds (a broad prefix over a large index) as the caller's error, not a 500. */
function refused(error: unknown): GovernanceError | undefined {
  switch (luceneRefusal(error)) {
    case "tooManyClauses":
      return new GovernanceError(
        ErrorCode.LIMIT_EXCEEDED,
        "This search matches too many different words in the index (Lucene's 1,024 clauses): use fewer or longer words.",
        { argument: "text" },
      );
    case "syntax":
      return new GovernanceError(
        ErrorCode.BAD_USER_INPUT,
        "The search text cannot be read as words: use letters and digits.",
        {
          argument: "text",
        },
      );
    default:
      return undefined;
  }
}

/**
 * Full-text search over names, titles and aliases of the scope's partnership and shared entities:
 * the public index for everyone, and the restricted one too for officers of the partnership, in
 * one round trip. The text is bounded before any database work; the score is `relevance`.
 */
export async function search(
  read: ReadQuery,
  asked: Scope,
  text: string,
  limit = 20,
): Promise<SearchHitRow[]> {
  const max = capped("searchLimit", limit);
  const words = boundedSearchWords(text);
  if (!words.length) return [];
  const scope = await settlePartnership(read, asked, "search");
  const parameters = {
    index: SEARCH_INDEX,
    restrictedIndex: RESTRICTED_SEARCH_INDEX,
    query: scopedLuceneQuery(luceneWords(words), scope.partnershipId),
    candidates: neo4j.int(max * 3),
    ...scopeParameters(scope),
  };
  const rows = await read(
    `OPTIONAL MATCH (partnership:Partnership {id: $partnershipId})
     WITH partnership IS NOT NULL AS known
     CALL (known) {
       WITH known WHERE known
       CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node
       RETURN node
       UNION
       // Only for officers of the partnership: nobody else's question ever reads the restricted index.
       WITH known WHERE known AND ${officerOfPartnership("$partnershipId")}
       CALL db.index.fulltext.queryNodes($restrictedIndex, $query, {limit: $candidates}) YIELD node
       RETURN node
     }
     WITH node WHERE ${inScope("node")} AND ${visible("node")}
     RETURN ${pathNode("node")} AS node, [s IN [node.name, node.title] + coalesce(node.aliases, []) WHERE s IS NOT NULL] AS spellings`,
    parameters,
  ).catch((error: unknown) => {
    throw refused(error) ?? error;
  });
  // Nothing found may mean an unknown partnership (shared entities match any): say so.
  if (!rows.length) await assertPartnershipExists(read, scope.partnershipId);
  return rows
    .map((row) => {
      const matched = matchedSpelling(text, row.spellings as string[]);
      return {
        hit: { score: relevance(words, matched), node: row.node as PathNode, matched },
        closeness: closeness(text, matched),
      };
    })
    .sort(
      (a, b) =>
        a.closeness - b.closeness ||
        b.hit.score - a.hit.score ||
        a.hit.matched.length - b.hit.matched.length ||
        a.hit.node.id.localeCompare(b.hit.node.id),
    )
    .slice(0, max)
    .map(({ hit }) => hit);
}
