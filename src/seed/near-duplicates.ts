import { editDistance } from "../text/index.js";
import type { SeedGraph } from "./seed-graph.js";

const NAMED_LABELS = new Set(["Person", "Organisation", "Body"]);
const normalise = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Pairs of different people, organisations or bodies whose names differ by a typo or two:
 * usually one real entity spelled two ways that should be one node with `aliases`.
 */
export function findNearDuplicates(graph: SeedGraph): string[] {
  const named = [...graph.nodes.values()]
    .filter((node) => NAMED_LABELS.has(node.label) && typeof node.properties.name === "string")
    .map((node) => ({
      node,
      // Acronyms (LBB, LFB, NPS) differ by one letter by nature: only compare longer spellings.
      spellings: [
        node.properties.name as string,
        ...((node.properties.aliases as string[] | undefined) ?? []),
      ]
        .map(normalise)
        .filter((s) => s.length >= 6),
    }));
  const warnings: string[] = [];
  for (let i = 0; i < named.length; i++)
    for (let j = i + 1; j < named.length; j++) {
      const a = named[i]!;
      const b = named[j]!;
      if (a.node.label !== b.node.label) continue;
      const pair = a.spellings
        .flatMap((x) => b.spellings.map((y) => [x, y] as const))
        .find(([x, y]) => {
          const distance = editDistance(x, y);
          return distance > 0 ? distance <= (Math.min(x.length, y.length) >= 10 ? 2 : 1) : x.length > 0;
        });
      if (pair)
        warnings.push(
          `${a.node.id} "${pair[0]}" and ${b.node.id} "${pair[1]}" look like one ${a.node.label} spelled two ways: merge them and keep the other spelling in aliases, or ignore if they are different.`,
        );
    }
  return warnings;
}
