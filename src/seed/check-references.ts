import { mayReference } from "../schema-model/index.ts";
import { didYouMean } from "../text/index.ts";
import { issueAt, type SeedGraphDraft } from "./seed-graph-draft.ts";

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
  for (const { from, entry, field, to, relationship, targets } of draft.references) {
    const target = draft.nodes.get(to);
    const { partnershipId } = from;
    // The common case, first and without allocating: a target of the right kind the file may refer to.
    if (target && targets.includes(target.label) && mayReference(partnershipId, target.partnershipId))
      continue;
    if (!target) {
      // Probably defined in a file that could not be read: that file's error is the one to fix.
      if (draft.unreadable.has(to)) continue;
      draft.report({
        ...issueAt(from, entry, field),
        message: `refers to ${to}, which no seed file defines.`,
        fix: `define it, or correct the id.${didYouMean(to, candidates(partnershipId, targets))}`,
      });
    } else if (!targets.includes(target.label))
      draft.report({
        ...issueAt(from, entry, field),
        message: `${relationship} must point to ${targets.join(" or ")}, but ${to} is a ${target.label}.`,
        fix: "point it at a node of the right kind.",
      });
    else if (!mayReference(partnershipId, target.partnershipId))
      draft.report({
        ...issueAt(from, entry, field),
        message: `refers to ${to}, which belongs to ${target.partnershipId} (${target.listedAt[0]}); a file of ${partnershipId} may refer only to its own and shared entities.`,
        fix: `if ${to} is a national or county-wide entity both use, move it to a shared file (\`partnership: shared\`, in seeds/shared/); otherwise define ${partnershipId}'s own.`,
      });
  }
}
