import { isIsoDate } from "../../../text/dates.ts";
import { SELECTION_KINDS, type Selection, type SelectionKind } from "./selection.ts";

/** What the address says: partnership, date and open item, so a link can be shared. */
export interface UrlState {
  partnershipId: string | null;
  /** Only when the address names one; otherwise the viewer picks the default date. */
  asOf: string | null;
  selection: Selection | null;
}

/**
 * Reads `?partnership=&asOf=&open=&openKind=`; a malformed date or kind is ignored.
 * @example readUrlState("?asOf=2017-07-21&open=body:scpb").selection // { kind: "body", id: "body:scpb" }
 */
export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const asOf = params.get("asOf");
  const open = params.get("open");
  const openKind = params.get("openKind") as SelectionKind | null;
  return {
    partnershipId: params.get("partnership"),
    asOf: asOf && isIsoDate(asOf) ? asOf : null,
    selection: open
      ? { kind: openKind && SELECTION_KINDS.includes(openKind) ? openKind : "body", id: open }
      : null,
  };
}

/** The query string for a state; the date only when it is not the default one. */
export function urlQuery(state: UrlState, defaultAsOf: string | null): string {
  const params = new URLSearchParams();
  if (state.partnershipId) params.set("partnership", state.partnershipId);
  if (state.asOf && state.asOf !== defaultAsOf) params.set("asOf", state.asOf);
  if (state.selection) {
    params.set("open", state.selection.id);
    if (state.selection.kind !== "body") params.set("openKind", state.selection.kind);
  }
  return `?${params}`;
}
