import type { DomainModel, LabelModel, PropertyModel } from "../schema-model/index.js";
import { checkValue } from "./check-value.js";
import { didYouMean } from "../text/index.js";
import type { SeedFile } from "./read-seed-files.js";
import { ID_PREFIX, idProblem } from "../schema-model/index.js";
import { IDENTITY_PROPERTIES, type SeedGraph, type SeedNode, type SeedRelationship } from "./seed-graph.js";
import type { SeedIssue } from "./seed-issue.js";

const RESERVED_ENTRY_KEYS = new Set(["at", "source"]);
const FILE_KEYS = new Set(["partnership", "document", "entries"]);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isRelationshipKey = (key: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(key);

interface PendingReference {
  issue: Omit<SeedIssue, "message" | "fix">;
  relationship: SeedRelationship;
  targets: readonly string[];
}

/**
 * Validates every seed file against the domain model and merges them into one graph.
 * Returns every issue found (never stops at the first), so a user fixes a file in one pass.
 */
export function buildSeedGraph(
  files: readonly SeedFile[],
  model: DomainModel,
): { graph: SeedGraph; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const nodes = new Map<string, SeedNode>();
  const relationships = new Map<string, SeedRelationship>();
  const references: PendingReference[] = [];
  // Where each node is first listed, and which properties some file gives (even invalidly): a
  // required property given with a bad value is reported once, as bad, not again as missing.
  const firstListed = new Map<string, { file: string; line?: number }>();
  const given = new Set<string>();
  const documentModel = model.labels.get("Document");

  const mergeNode = (
    label: string,
    id: string,
    partnershipId: string,
    where: { file: string; line?: number },
  ): SeedNode | undefined => {
    const existing = nodes.get(id);
    if (existing && existing.label !== label) {
      issues.push({
        ...where,
        entry: id,
        message: `is listed as ${label} here but as ${existing.label} in ${existing.listedAt[0]}.`,
        fix: "use a different id for a different kind of thing.",
      });
      return undefined;
    }
    const node = existing ?? { id, label, partnershipId, properties: {}, evidence: [], listedAt: [] };
    node.listedAt.push(where.line ? `${where.file}:${where.line}` : where.file);
    if (!firstListed.has(id)) firstListed.set(id, where);
    nodes.set(id, node);
    return node;
  };

  const setProperty = (
    node: SeedNode,
    property: PropertyModel,
    value: unknown,
    issue: Omit<SeedIssue, "message">,
  ): void => {
    const problem = checkValue(property, value);
    if (problem) return void issues.push({ ...issue, message: problem.message, fix: problem.fix });
    const previous = node.properties[property.name];
    if (previous === undefined) node.properties[property.name] = value;
    else if (property.list)
      node.properties[property.name] = [...new Set([...(previous as unknown[]), ...(value as unknown[])])];
    else if (JSON.stringify(previous) !== JSON.stringify(value))
      issues.push({
        ...issue,
        message: `is ${JSON.stringify(value)} here but ${JSON.stringify(previous)} where ${node.id} is listed in ${node.listedAt[0]}.`,
        fix: "make the two files agree, or leave the property out of one of them.",
      });
  };

  for (const seedFile of files) {
    const { file } = seedFile;
    for (const error of seedFile.parseErrors)
      issues.push({
        file,
        line: error.line,
        message: `is not valid YAML: ${error.message}`,
        fix: "correct the YAML syntax at that line.",
      });
    if (seedFile.parseErrors.length) continue;
    const data = seedFile.data;
    if (!isRecord(data)) {
      issues.push({
        file,
        message: "expected a mapping with partnership, document (optional) and entries.",
        fix: "see seeds/README.md for the file layout.",
      });
      continue;
    }
    for (const key of Object.keys(data))
      if (!FILE_KEYS.has(key))
        issues.push({
          file,
          field: key,
          message: "is not a top-level key of a seed file.",
          fix: `use partnership, document and entries.${didYouMean(key, FILE_KEYS)}`,
        });
    const partnershipId = data.partnership;
    if (typeof partnershipId !== "string" || !partnershipId.startsWith("partnership:")) {
      issues.push({
        file,
        field: "partnership",
        message: `expected a partnership id such as partnership:barnet, found ${JSON.stringify(partnershipId)}.`,
        fix: "add `partnership: partnership:<slug>` at the top of the file.",
      });
      continue;
    }

    let documentId: string | undefined;
    if (data.document !== undefined) {
      const document = data.document;
      if (!isRecord(document) || typeof document.id !== "string" || !document.id.startsWith("doc:")) {
        issues.push({
          file,
          field: "document.id",
          message: `expected a document id such as doc:scpb-2016-01-29, found ${JSON.stringify(isRecord(document) ? document.id : document)}.`,
          fix: "give the document an id starting with doc:.",
        });
      } else if (documentModel) {
        documentId = document.id;
        const node = mergeNode("Document", document.id, partnershipId, { file });
        for (const [key, value] of Object.entries(document)) {
          if (key === "id" || !node) continue;
          const property = documentModel.properties.get(key);
          if (!property)
            issues.push({
              file,
              entry: document.id,
              field: `document.${key}`,
              message: "is not a property of Document.",
              fix: `use one of ${[...documentModel.properties.keys()].join(", ")}.${didYouMean(key, documentModel.properties.keys())}`,
            });
          else setProperty(node, property, value, { file, entry: document.id, field: `document.${key}` });
        }
      }
    }

    if (!Array.isArray(data.entries)) {
      issues.push({
        file,
        field: "entries",
        message: `expected a list of entries, found ${JSON.stringify(data.entries)}.`,
        fix: "add `entries:` with one `- Label: id` item per node.",
      });
      continue;
    }
    data.entries.forEach((entry, index) => {
      const line = seedFile.entryLine(index);
      const here = { file, line };
      if (!isRecord(entry))
        return void issues.push({
          ...here,
          message: `entry ${index + 1} is not a mapping.`,
          fix: "start each entry with `- Label: id`.",
        });
      const labelKeys = Object.keys(entry).filter((key) => model.labels.has(key));
      if (labelKeys.length !== 1) {
        const capitalised = Object.keys(entry).filter((key) => /^[A-Z][a-z]/.test(key));
        return void issues.push({
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
        return void issues.push({
          ...here,
          entry: String(id),
          field: label,
          message: problem ?? "",
          fix: `write the id as ${ID_PREFIX[label]}:<slug>.`,
        });
      const at = entry.at;
      if (typeof at !== "string" || !at.trim())
        issues.push({
          ...here,
          entry: id,
          field: "at",
          message: "is missing: every fact must say where in the paper it stands.",
          fix: "add `at: <section, table, item or action number>`.",
        });
      const source = entry.source ?? documentId;
      if (typeof source !== "string")
        issues.push({
          ...here,
          entry: id,
          field: "source",
          message: "is missing: this file has no document, so the entry must name its source paper.",
          fix: "add `source: doc:<paper id>`.",
        });
      const node = mergeNode(label, id, partnershipId, here);
      if (!node) return;
      if (typeof at === "string" && typeof source === "string") {
        // A registry entry cites the same place as the paper's own mention: one fact, one edge (the loader MERGEs them anyway).
        if (!node.evidence.some((e) => e.document === source && e.locator === at))
          node.evidence.push({ document: source, locator: at });
        references.push({
          issue: { ...here, entry: id, field: "source" },
          relationship: { type: "EVIDENCED_BY", from: id, to: source, properties: {}, key: "" },
          targets: ["Document"],
        });
      }
      for (const [key, value] of Object.entries(entry)) {
        if (key === label || RESERVED_ENTRY_KEYS.has(key)) continue;
        const issue = { ...here, entry: id, field: key };
        if (isRelationshipKey(key)) addRelationships(labelModel, key, value, { id, at, source }, issue);
        else {
          const property = labelModel.properties.get(key);
          given.add(`${id}|${key}`);
          if (!property)
            issues.push({
              ...issue,
              message: `is not a property of ${label}.`,
              fix: `use one of ${[...labelModel.properties.keys()].join(", ")}.${didYouMean(key, labelModel.properties.keys())}`,
            });
          else setProperty(node, property, value, issue);
        }
      }
    });
  }

  function addRelationships(
    labelModel: LabelModel,
    type: string,
    value: unknown,
    entry: { id: string; at: unknown; source: unknown },
    issue: Omit<SeedIssue, "message">,
  ): void {
    const relationshipModel = labelModel.relationships.get(type);
    if (!relationshipModel || type === "EVIDENCED_BY") {
      const allowed = [...labelModel.relationships.keys()].filter((t) => t !== "EVIDENCED_BY");
      return void issues.push({
        ...issue,
        message: `is not a relationship a ${labelModel.label} can have.`,
        fix: `use one of ${allowed.join(", ") || "(none)"}.${didYouMean(type, allowed)}`,
      });
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      const target = typeof item === "string" ? { to: item } : item;
      if (!isRecord(target) || typeof target.to !== "string") {
        issues.push({
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
          issues.push({
            ...issue,
            field: `${type}.${key}`,
            message: `is not a property of ${type}.`,
            fix: `use one of ${[...relationshipModel.properties.keys()].filter((k) => k !== "source" && k !== "locator").join(", ") || "(none)"}, plus to, at, source.`,
          });
          continue;
        }
        const problem = checkValue(property, propertyValue);
        if (problem)
          issues.push({ ...issue, field: `${type}.${key}`, message: problem.message, fix: problem.fix });
        else properties[key] = propertyValue;
      }
      for (const property of relationshipModel.properties.values())
        if (property.required && target[property.name] === undefined)
          issues.push({
            ...issue,
            field: `${type}.${property.name}`,
            message: `is required on ${type} (to ${target.to}).`,
            fix: `add ${property.name}: one of ${property.enumValues?.join(", ") ?? property.type}.`,
          });
      const identity = IDENTITY_PROPERTIES.map((name) => String(properties[name] ?? "")).join("|");
      const relationship: SeedRelationship = {
        type,
        from: entry.id,
        to: target.to,
        properties,
        key: `${entry.id}|${type}|${target.to}|${identity}`,
      };
      if (!relationships.has(relationship.key)) relationships.set(relationship.key, relationship);
      references.push({ issue, relationship, targets: relationshipModel.targets });
      if (typeof properties.source === "string")
        references.push({
          issue: { ...issue, field: `${type}.source` },
          relationship: { ...relationship, to: properties.source },
          targets: ["Document"],
        });
    }
  }

  for (const { issue, relationship, targets } of references) {
    const target = nodes.get(relationship.to);
    if (!target) {
      const sameKind = [...nodes.values()].filter((n) => targets.includes(n.label)).map((n) => n.id);
      issues.push({
        ...issue,
        message: `refers to ${relationship.to}, which no seed file defines.`,
        fix: `define it, or correct the id.${didYouMean(relationship.to, sameKind)}`,
      });
    } else if (!targets.includes(target.label))
      issues.push({
        ...issue,
        message: `${relationship.type} must point to ${targets.join(" or ")}, but ${relationship.to} is a ${target.label}.`,
        fix: "point it at a node of the right kind.",
      });
  }
  for (const node of nodes.values()) {
    const labelModel = model.labels.get(node.label);
    for (const property of labelModel?.properties.values() ?? [])
      if (
        property.required &&
        node.properties[property.name] === undefined &&
        !given.has(`${node.id}|${property.name}`)
      )
        issues.push({
          ...(firstListed.get(node.id) ?? { file: "?" }),
          entry: node.id,
          field: property.name,
          message: `is required for a ${node.label} and no file gives it.`,
          fix: `add ${property.name}: to the entry in one of ${node.listedAt.join(", ")}.`,
        });
  }
  return { graph: { nodes, relationships: [...relationships.values()] }, issues };
}
