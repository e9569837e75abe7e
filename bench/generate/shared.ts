import { SHARED } from "../../src/schema-model/index.ts";
import type { SeedGraph } from "../../src/seed/index.ts";
import { GraphBuilder } from "./graph-builder.ts";
import { NATIONAL_AGENCIES } from "./vocabulary.ts";

/** The shared registry's document: the source of the shared entities' own properties. */
export const SHARED_REGISTRY = "doc:bench-shared-registry";

/** The id of a national agency (shared by every generated partnership). */
export const nationalAgencyId = (slug: string): string => `org:bench-national-${slug}`;

/**
 * The entities every generated partnership shares (partnershipId `shared`): the national
 * agencies, defined once, as seeds/shared/ defines the real ones. Load it before the partnerships.
 */
export function generateShared(): SeedGraph {
  const builder = new GraphBuilder(SHARED);
  builder.node("Document", SHARED_REGISTRY, {
    title: "Shared registry of national agencies",
    kind: "REGISTRY",
  });
  for (const agency of NATIONAL_AGENCIES)
    builder.node(
      "Organisation",
      nationalAgencyId(agency.slug),
      { name: agency.name, aliases: agency.aliases, kind: "GOVERNMENT" },
      [{ document: SHARED_REGISTRY, locator: `National agencies: ${agency.name}` }],
    );
  return builder.graph;
}
