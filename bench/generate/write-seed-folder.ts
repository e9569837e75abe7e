import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import type { SeedGraph, SeedNode } from "../../src/seed/index.ts";

type Entry = Record<string, unknown>;

/**
 * Writes a generated partnership's graph as the YAML a person would have written (one file per
 * Document, each node listed in the file of each paper that evidences it, its properties in the
 * first, each relationship on the node's entry in its source paper), so `seed --check` can be
 * measured on files: `npm run seed -- --check --dir <dir>` reads back the same graph.
 */
export function writeSeedFolder(graph: SeedGraph, dir: string, partnershipId: string): string[] {
  const files = new Map<string, { document: SeedNode; entries: Entry[]; byNode: Map<string, Entry[]> }>();
  const fileOf = (documentId: string) => {
    const file = files.get(documentId);
    if (!file) throw new Error(`Generator bug: ${documentId} is cited but is not a generated Document.`);
    return file;
  };
  for (const node of graph.nodes.values())
    if (node.label === "Document") files.set(node.id, { document: node, entries: [], byNode: new Map() });

  const mention = (node: SeedNode, documentId: string, at: string): Entry => {
    const file = fileOf(documentId);
    const entry: Entry = { [node.label]: node.id, at };
    file.entries.push(entry);
    file.byNode.set(node.id, [...(file.byNode.get(node.id) ?? []), entry]);
    return entry;
  };
  for (const node of graph.nodes.values()) {
    if (node.label === "Document") continue;
    const [first, ...more] = node.evidence;
    if (!first) throw new Error(`Generator bug: ${node.id} has no evidence.`);
    Object.assign(mention(node, first.document, first.locator), node.properties);
    for (const evidence of more) mention(node, evidence.document, evidence.locator);
  }
  for (const relationship of graph.relationships) {
    const { source, locator, ...properties } = relationship.properties as { source: string; locator: string };
    const from = graph.nodes.get(relationship.from)!;
    const entries = fileOf(source).byNode.get(from.id) ?? [];
    // On the entry citing the same place if there is one; otherwise on any entry, with its own `at`.
    const entry = entries.find((e) => e.at === locator) ?? entries[0] ?? mention(from, source, locator);
    const target = { to: relationship.to, ...properties, ...(entry.at === locator ? {} : { at: locator }) };
    const existing = entry[relationship.type];
    entry[relationship.type] = existing === undefined ? target : [...[existing].flat(), target];
  }

  const written: string[] = [];
  mkdirSync(path.join(dir, "papers"), { recursive: true });
  for (const { document, entries } of files.values()) {
    const file = path.join(
      dir,
      "papers",
      `${document.id.replace(/^doc:/, "").replace(/[^a-z0-9-]+/g, "-")}.yaml`,
    );
    writeFileSync(
      file,
      stringify({
        partnership: partnershipId,
        document: { id: document.id, ...document.properties },
        entries,
      }),
    );
    written.push(file);
  }
  return written;
}
