import type { ViewerHitsQuery, ViewerSearchQuery } from "../../../../generated/documents.ts";
import type { SearchHit } from "./search-box.ts";

/** The partnership id of entities several partnerships share (docs/tenancy.md). */
const SHARED = "shared";

/**
 * Search results as the box lists them: each entity once (a name and an alias may both match),
 * with its partnership and, for meetings, agenda items and strategies, its date; results that
 * would still read the same (kind, name, date, partnership) are listed once.
 * @example describeHits(search, details, names)[0] // { id, label: "Meeting", name, date: "2016-01-29", partnership: "Barnet ..." }
 */
export function describeHits(
  search: ViewerSearchQuery["search"],
  details: ViewerHitsQuery,
  partnershipNames: ReadonlyMap<string, string>,
): SearchHit[] {
  const owner = new Map<string, string>();
  const dates = new Map<string, string>();
  for (const list of [details.bodies, details.people, details.objectives, details.actions])
    for (const row of list) owner.set(row.id, row.partnershipId);
  for (const s of details.strategies) {
    owner.set(s.id, s.partnershipId);
    const years = [s.periodStart?.slice(0, 4), s.periodEnd?.slice(0, 4)].filter(Boolean);
    if (years.length) dates.set(s.id, [...new Set(years)].join("–"));
  }
  for (const m of details.meetings) {
    owner.set(m.id, m.partnershipId);
    dates.set(m.id, m.date);
  }
  for (const item of details.agendaItems) {
    owner.set(item.id, item.partnershipId);
    if (item.meeting[0]) dates.set(item.id, item.meeting[0].date);
  }
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const hit of search) {
    const partnershipId = owner.get(hit.node.id) ?? null;
    const described: SearchHit = {
      ...hit.node,
      matched: hit.matched,
      date: dates.get(hit.node.id) ?? null,
      partnership:
        partnershipId === SHARED
          ? "Shared"
          : partnershipId
            ? (partnershipNames.get(partnershipId) ?? partnershipId)
            : null,
    };
    const reads = `${described.label}|${described.name}|${described.date}|${described.partnership}`;
    if (seen.has(hit.node.id) || seen.has(reads)) continue;
    seen.add(hit.node.id).add(reads);
    hits.push(described);
  }
  return hits;
}
