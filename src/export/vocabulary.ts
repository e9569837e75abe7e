import type { DocumentEntity, Evidence } from "./structure.ts";

/**
 * Where exported ids live as IRIs: every entity is `<base><id>` (ids such as `body:scpb` are
 * already unique across the database). A URN by default, so nothing claims a web address that
 * does not answer; a publisher sets `--base-iri https://data.example.gov.uk/governance/`.
 */
export const DEFAULT_BASE_IRI = "urn:governance-graph:";

export const entityIri = (base: string, id: string): string => `${base}${id}`;

/** STATUTORY_BOARD -> "statutory board": enum values as the words open-data readers expect. */
export const humanise = (value: string): string => value.toLowerCase().replaceAll("_", " ");

/** A Popolo link to a source paper: its address when recorded, else its IRI; the places cited in the note. */
export function documentLink(
  base: string,
  document: DocumentEntity,
  evidence: readonly Evidence[],
): { url: string; note: string } {
  const places = [...new Set(evidence.map((e) => e.locator).filter((l): l is string => Boolean(l)))];
  const date = document.date ? ` (${document.date})` : "";
  return {
    url: document.url ?? entityIri(base, document.id),
    note: `${document.title}${date}${places.length ? `: ${places.join("; ")}` : ""}`,
  };
}
