import type { DomainModel } from "../schema-model/index.ts";
import { checkReferences } from "./check-references.ts";
import { checkRequired } from "./check-required.ts";
import { definedPartnerships, folderPartnerships, readFileHeader } from "./read-file-header.ts";
import { readEntry } from "./read-entry.ts";
import type { SeedFile } from "./read-seed-files.ts";
import { resolveOwnership } from "./resolve-ownership.ts";
import { SeedGraphDraft } from "./seed-graph-draft.ts";
import type { SeedGraph } from "./seed-graph.ts";
import type { SeedIssue } from "./seed-issue.ts";

/**
 * Validates every seed file against the domain model and the ownership rules, and merges them
 * into one graph. Returns every issue found (never stops at the first), so a user fixes a folder
 * in one pass; a file that cannot be read causes no second issue about what it would have defined.
 */
export function buildSeedGraph(
  files: readonly SeedFile[],
  model: DomainModel,
): { graph: SeedGraph; issues: SeedIssue[] } {
  const draft = new SeedGraphDraft();
  for (const file of files) {
    for (const issue of file.readErrors) draft.report(issue);
    for (const id of file.mentions) if (!draft.unreadable.has(id)) draft.unreadable.set(id, file.file);
  }
  const partnerships = definedPartnerships(files);
  const folders = folderPartnerships(files);
  for (const seedFile of files) {
    if (seedFile.readErrors.length) continue;
    const header = readFileHeader(seedFile, model, partnerships, folders, draft);
    if (!header) continue;
    const { file } = seedFile;
    header.entries.forEach((entry, index) =>
      readEntry(draft, model, header, entry, index, {
        file,
        line: seedFile.entryLine(index),
        partnershipId: header.partnershipId,
      }),
    );
  }
  resolveOwnership(draft);
  checkReferences(draft);
  checkRequired(draft, model);
  return { graph: draft.graph(), issues: draft.issues };
}
