import { SHARED } from "../schema-model/index.ts";
import { issueAt, type Listing, type SeedGraphDraft } from "./seed-graph-draft.ts";

const place = (listing: Listing): string => (listing.line ? `${listing.file}:${listing.line}` : listing.file);

/**
 * Settles each node's owner from the files that list it (docs/tenancy.md, "Ownership"):
 * - listed only by one partnership's files (or only by shared files): that owner;
 * - listed by shared files and by partnerships' files: shared, and the partnerships' files only
 *   mention it (their own `at` and relationships), never set its properties;
 * - listed by two partnerships' files: an error in the second one, naming both.
 */
export function resolveOwnership(draft: SeedGraphDraft): void {
  for (const [id, listings] of draft.listings) {
    const node = draft.nodes.get(id)!;
    const owner = listings[0]!.partnershipId;
    // Almost every node is listed by one partnership's files only: settle it without allocating.
    if (listings.every((listing) => listing.partnershipId === owner)) {
      node.partnershipId = owner;
      continue;
    }
    const first = new Map<string, Listing>();
    for (const listing of listings)
      if (!first.has(listing.partnershipId)) first.set(listing.partnershipId, listing);
    const shared = first.get(SHARED);
    if (shared) {
      node.partnershipId = SHARED;
      for (const [partnershipId, { first, fields }] of draft.settings.get(id) ?? [])
        if (partnershipId !== SHARED)
          draft.report({
            ...issueAt(first, id, fields.join(", ")),
            message: `${fields.length > 1 ? "set properties" : "sets a property"} of a shared entity (defined in ${place(shared)}); ${partnershipId}'s files may only mention it, with their own at and relationships.`,
            fix: `move ${fields.join(", ")} (a spelling: into aliases) to the shared file, or leave ${fields.length > 1 ? "them" : "it"} out here.`,
          });
      continue;
    }
    const [[firstOwner, ownerListing], ...others] = [...first] as [[string, Listing], ...[string, Listing][]];
    node.partnershipId = firstOwner;
    for (const [other, listing] of others)
      draft.report({
        ...issueAt(listing, id),
        message: `belongs to ${firstOwner} (listed in ${place(ownerListing)}), but this file is ${other}'s: an id belongs to one partnership.`,
        fix: `if both mean the same national or county-wide entity, define it once in a shared file (\`partnership: shared\`, in seeds/shared/) and reference it from both; otherwise choose another id here (such as ${id}-${other.replace(/^partnership:/, "")}).`,
      });
  }
}
