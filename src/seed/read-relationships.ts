import type { LabelModel } from "../schema-model/index.ts";
import { didYouMean } from "../text/index.ts";
import { checkValue } from "./check-value.ts";
import { isRecord } from "./read-file-header.ts";
import { issueAt, type Listing, type SeedGraphDraft } from "./seed-graph-draft.ts";
import { relationshipKey } from "./seed-graph.ts";

/** The entry a relationship key belongs to: its node, its `at` and `source`, and where it is listed (with its file's partnership). */
export interface EntryContext {
  id: string;
  at: unknown;
  source: unknown;
  where: Listing;
}

const DOCUMENT = ["Document"] as const;

/**
 * Reads one UPPER_CASE key of an entry (a target id, `{ to, ...properties }`, or a list of them)
 * into relationships of the file's partnership, and queues their targets to be checked.
 */
export function readRelationships(
  draft: SeedGraphDraft,
  labelModel: LabelModel,
  type: string,
  value: unknown,
  entry: EntryContext,
): void {
  const issue = issueAt(entry.where, entry.id, type);
  const relationshipModel = labelModel.relationships.get(type);
  if (!relationshipModel || type === "EVIDENCED_BY") {
    const allowed = [...labelModel.relationships.keys()].filter((t) => t !== "EVIDENCED_BY");
    return draft.report({
      ...issue,
      message: `is not a relationship a ${labelModel.label} can have.`,
      fix: `use one of ${allowed.join(", ") || "(none)"}.${didYouMean(type, allowed)}`,
    });
  }
  const settable = [...relationshipModel.properties.keys()].filter((k) => k !== "source" && k !== "locator");
  for (const item of Array.isArray(value) ? value : [value]) {
    const target = typeof item === "string" ? { to: item } : item;
    if (!isRecord(target) || typeof target.to !== "string") {
      draft.report({
        ...issue,
        message: `expected a target id or { to: id, ... }, found ${JSON.stringify(item)}.`,
        fix: "write the target's id, or a mapping with `to:`.",
      });
      continue;
    }
    const properties: Record<string, unknown> = {
      source: target.source ?? entry.source,
      locator: target.at ?? entry.at,
    };
    for (const [key, propertyValue] of Object.entries(target)) {
      if (key === "to" || key === "at" || key === "source") continue;
      const property = relationshipModel.properties.get(key);
      if (!property || key === "locator") {
        draft.report({
          ...issue,
          field: `${type}.${key}`,
          message: `is not a property of ${type}.`,
          fix: `use one of ${settable.join(", ") || "(none)"}, plus to, at, source.`,
        });
        continue;
      }
      const problem = checkValue(property, propertyValue);
      if (problem)
        draft.report({ ...issue, field: `${type}.${key}`, message: problem.message, fix: problem.fix });
      else properties[key] = propertyValue;
    }
    for (const property of relationshipModel.properties.values())
      if (property.required && target[property.name] === undefined)
        draft.report({
          ...issue,
          field: `${type}.${property.name}`,
          message: `is required on ${type} (to ${target.to}).`,
          fix: `add ${property.name}: one of ${property.enumValues?.join(", ") ?? property.type}.`,
        });
    draft.addRelationship({
      type,
      from: entry.id,
      to: target.to,
      partnershipId: entry.where.partnershipId,
      properties,
      key: relationshipKey(entry.id, type, target.to, properties),
    });
    const from = entry.where;
    const { id } = entry;
    draft.references.push({
      from,
      entry: id,
      field: type,
      to: target.to,
      relationship: type,
      targets: relationshipModel.targets,
    });
    if (typeof properties.source === "string")
      draft.references.push({
        from,
        entry: id,
        field: `${type}.source`,
        to: properties.source,
        relationship: "source",
        targets: DOCUMENT,
      });
  }
}
