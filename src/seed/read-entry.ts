import { ID_PREFIX, idProblem, type DomainModel } from "../schema-model/index.ts";
import { didYouMean } from "../text/index.ts";
import { isRecord, type FileHeader } from "./read-file-header.ts";
import { readRelationships } from "./read-relationships.ts";
import { issueAt, type Listing, type SeedGraphDraft } from "./seed-graph-draft.ts";

const DOCUMENT = ["Document"] as const;
const RESERVED_ENTRY_KEYS = new Set(["at", "source"]);
const isRelationshipKey = (key: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(key);

/**
 * Reads one entry (`- Label: id`, `at`, `source`, camelCase properties, UPPER_CASE relationships)
 * into the draft, reporting every problem it has.
 */
export function readEntry(
  draft: SeedGraphDraft,
  model: DomainModel,
  header: FileHeader,
  entry: unknown,
  index: number,
  where: Listing,
): void {
  const { partnershipId } = header;
  const here = issueAt(where);
  if (!isRecord(entry))
    return draft.report({
      ...here,
      message: `entry ${index + 1} is not a mapping.`,
      fix: "start each entry with `- Label: id`.",
    });
  const labelKeys = Object.keys(entry).filter((key) => model.labels.has(key));
  if (labelKeys.length !== 1) {
    const capitalised = Object.keys(entry).filter((key) => /^[A-Z][a-z]/.test(key));
    return draft.report({
      ...here,
      message: labelKeys.length
        ? `entry ${index + 1} names ${labelKeys.length} labels (${labelKeys.join(", ")}).`
        : `entry ${index + 1} names no node label${capitalised.length ? ` (found ${capitalised.join(", ")})` : ""}.`,
      fix: `start the entry with exactly one of ${[...model.labels.keys()].join(", ")}.${capitalised[0] ? didYouMean(capitalised[0], model.labels.keys()) : ""}`,
    });
  }
  const label = labelKeys[0]!;
  const labelModel = model.labels.get(label)!;
  const id = entry[label];
  const problem = idProblem(label, id);
  if (problem || typeof id !== "string")
    return draft.report({
      ...here,
      entry: String(id),
      field: label,
      message: problem ?? "",
      fix: `write the id as ${ID_PREFIX[label]}:<slug>.`,
    });
  if (label === "Partnership" && id !== partnershipId)
    draft.report({
      ...here,
      entry: id,
      field: label,
      message: `defines a partnership in a file of ${partnershipId}: a partnership is defined in its own files.`,
      fix: `move the entry to a file saying \`partnership: ${id}\` (its partnership.yaml).`,
    });
  const at = entry.at;
  if (typeof at !== "string" || !at.trim())
    draft.report({
      ...here,
      entry: id,
      field: "at",
      message: "is missing: every fact must say where in the paper it stands.",
      fix: "add `at: <section, table, item or action number>`.",
    });
  const source = entry.source ?? header.documentId;
  if (typeof source !== "string")
    draft.report({
      ...here,
      entry: id,
      field: "source",
      message: "is missing: this file has no document, so the entry must name its source paper.",
      fix: "add `source: doc:<paper id>`.",
    });
  const node = draft.listNode(label, id, where);
  if (!node) return;
  if (typeof at === "string" && typeof source === "string") {
    // A registry entry cites the same place as the paper's own mention: one fact, one edge (the loader MERGEs them anyway).
    if (
      !node.evidence.some(
        (e) => e.document === source && e.locator === at && e.partnershipId === partnershipId,
      )
    )
      node.evidence.push({ document: source, locator: at, partnershipId });
    draft.references.push({
      from: where,
      entry: id,
      field: "source",
      to: source,
      relationship: "source",
      targets: DOCUMENT,
    });
  }
  for (const key in entry) {
    if (key === label || RESERVED_ENTRY_KEYS.has(key)) continue;
    const value = entry[key];
    if (isRelationshipKey(key)) readRelationships(draft, labelModel, key, value, { id, at, source, where });
    else {
      const property = labelModel.properties.get(key);
      if (!property) {
        draft.markGiven(id, key, where);
        draft.report({
          ...issueAt(where, id, key),
          message: `is not a property of ${label}.`,
          fix: `use one of ${[...labelModel.properties.keys()].join(", ")}.${didYouMean(key, labelModel.properties.keys())}`,
        });
      } else draft.setProperty(node, property, value, where, key);
    }
  }
}
