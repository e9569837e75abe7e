import { restrictions, type Restrictions } from "./restrictions.ts";

/**
 * Labels that put a node of a restrictable label (an agenda item) into the public or the
 * restricted full-text index (src/graph/search-indexes.ts): a Neo4j full-text index selects its
 * nodes by label and property only, so a node's visibility has to be a label for the index to
 * keep restricted items out of the public one (whose word statistics every score reads). They
 * are derived from the node's restriction flag and kept in step by the database (an APOC
 * trigger); nothing else writes or reads them.
 */
export const SEARCH_MARKERS = { public: "PublicSearchable", restricted: "RestrictedSearchable" } as const;

export const SEARCH_MARKER_LABELS: readonly string[] = Object.values(SEARCH_MARKERS);

/**
 * The labels whose nodes restrict themselves by a flag (AgendaItem -> restricted) among the given
 * searchable ones: their nodes reach the search indexes through a marker. A searchable label
 * restricted only through a relationship (a decision's item) would need its marker kept in step
 * with relationship writes too, which nothing does: an error until it is needed.
 */
export function markedSearchLabels(
  searchable: readonly string[],
  model: Restrictions = restrictions(),
): ReadonlyMap<string, string> {
  for (const label of searchable)
    if (model.inherited.has(label) && !model.flags.has(label))
      throw new Error(
        `${label} is searchable (it has a name or a title) and inherits restriction (@inheritsRestriction): ` +
          "the search indexes cannot keep its restricted nodes apart yet (src/graph/search-indexes.ts).",
      );
  return new Map([...model.flags].filter(([label]) => searchable.includes(label)));
}
