import { mayReference } from "../schema-model/index.js";
import { didYouMean } from "../text/index.js";
import type { SeedGraphDraft } from "./seed-graph-draft.js";

/**
 * Every reference (relationship targets, sources) must name a node the seeds define, of a kind the
 * relationship allows, that the referring file's partnership may reference: its own, or shared.
 */
export function checkReferences(draft: SeedGraphDraft): void {
  // Candidates for "did you mean", by partnership and label: built once, only when a reference is missing.
  let byOwnerAndLabel: Map<string, string[]> | undefined;
  const candidates = (partnershipId: string, targets: readonly string[]): string[] => {
    if (!byOwnerAndLabel) {
      byOwnerAndLabel = new Map();
      for (const node of draft.nodes.values()) {
        const key = `${node.partnershipId}|${node.label}`;
        byOwnerAndLabel.set(key, [...(byOwnerAndLabel.get(key) ?? []), node.id]);
      }
    }
    return targets.flatMap((label) => [
      ...(byOwnerAndLabel!.get(`${partnershipId}|${label}`) ?? []),
      ...(byOwnerAndLabel!.get(`shared|${label}`) ?? []),
    ]);
  };
  for (const { issue, partnershipId, to, relationship, targets } of draft.references) {
    const target = draft.nodes.get(to);
    if (!target) {
      const unreadable = draft.unreadable.get(to);
      draft.report({
        ...issue,
        message: `refers to ${to}, which no seed file defines${unreadable ? ` (it may be in ${unreadable}, which could not be read: fix that first)` : ""}.`,
        fix: `define it, or correct the id.${didYouMean(to, candidates(partnershipId, targets))}`,
      });
    } else if (!targets.includes(target.label))
      draft.report({
        ...issue,
        message: `${relationship} must point to ${targets.join(" or ")}, but ${to} is a ${target.label}.`,
        fix: "point it at a node of the right kind.",
      });
    else if (!mayReference(partnershipId, target.partnershipId))
      draft.report({
        ...issue,
        message: `refers to ${to}, which belongs to ${target.partnershipId} (${target.listedAt[0]}); a file of ${partnershipId} may refer only to its own and shared entities.`,
        fix: `if ${to} is a national or county-wide entity both use, move it to a shared file (\`partnership: shared\`, in seeds/shared/); otherwise define ${partnershipId}'s own.`,
      });
  }
}
