import { SHARED } from "../schema-model/index.js";
import type { Listing, SeedGraphDraft } from "./seed-graph-draft.js";

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
    const first = new Map<string, Listing>();
    for (const listing of listings)
      if (!first.has(listing.partnershipId)) first.set(listing.partnershipId, listing);
    if (first.size === 1) {
      node.partnershipId = listings[0]!.partnershipId;
      continue;
    }
    const shared = first.get(SHARED);
    if (shared) {
      node.partnershipId = SHARED;
      for (const setting of draft.settings.get(id) ?? [])
        if (setting.partnershipId !== SHARED)
          draft.report({
            file: setting.file,
            ...(setting.line ? { line: setting.line } : {}),
            entry: id,
            field: setting.field,
            message: `sets a property of a shared entity (defined in ${place(shared)}); ${setting.partnershipId}'s files may only mention it, with their own at and relationships.`,
            fix: `move ${setting.field} (an alias: into aliases) to the shared file, or leave it out here.`,
          });
      continue;
    }
    const [[owner, ownerListing], ...others] = [...first] as [[string, Listing], ...[string, Listing][]];
    node.partnershipId = owner;
    for (const [other, listing] of others)
      draft.report({
        file: listing.file,
        ...(listing.line ? { line: listing.line } : {}),
        entry: id,
        message: `belongs to ${owner} (listed in ${place(ownerListing)}), but this file is ${other}'s: an id belongs to one partnership.`,
        fix: `if both mean the same national or county-wide entity, define it once in a shared file (\`partnership: shared\`, in seeds/shared/) and reference it from both; otherwise choose another id here (such as ${id}-${other.replace(/^partnership:/, "")}).`,
      });
  }
}
