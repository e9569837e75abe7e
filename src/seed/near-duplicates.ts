import { SHARED } from "../schema-model/index.ts";
import { editDistance } from "../text/index.ts";
import type { SeedGraph, SeedNode } from "./seed-graph.ts";

const NAMED_LABELS = new Set(["Person", "Organisation", "Body"]);
const normalise = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
// Acronyms (LBB, LFB, NPS) differ by one letter by nature: only compare longer spellings.
const MIN_LENGTH = 6;
/** Names of 10 letters or more may be two typos apart; shorter ones one. */
const allowed = (x: string, y: string): number => (Math.min(x.length, y.length) >= 10 ? 2 : 1);

/**
 * Every string made by deleting up to `k` characters of `s` (its deletion neighbourhood): two
 * strings within edit distance k share one (the SymSpell idea), so candidate pairs are found
 * by lookup instead of comparing every pair.
 */
function deletions(s: string, k: number): Set<string> {
  const out = new Set([s]);
  let frontier = [s];
  for (let round = 0; round < k; round++) {
    const next: string[] = [];
    for (const word of frontier)
      for (let i = 0; i < word.length; i++) {
        const shorter = word.slice(0, i) + word.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    frontier = next;
  }
  return out;
}

interface Spelling {
  node: SeedNode;
  text: string;
}

/**
 * Pairs of different people, organisations or bodies whose names differ by a typo or two (or not
 * at all): usually one real entity spelled two ways that should be one node with `aliases`.
 * Compared within a partnership, and each partnership against the shared entities (a copy of a
 * national agency should reference the shared one); partnerships are not compared with each
 * other, since each has its own "Community Safety Team". Near-linear: candidates come from an
 * index of deletion neighbourhoods, and only they are measured.
 */
export function findNearDuplicates(graph: SeedGraph): string[] {
  const byGroup = new Map<string, Spelling[]>();
  for (const node of graph.nodes.values()) {
    if (!NAMED_LABELS.has(node.label) || typeof node.properties.name !== "string") continue;
    const texts = new Set(
      [node.properties.name, ...((node.properties.aliases as string[] | undefined) ?? [])]
        .map(normalise)
        .filter((s) => s.length >= MIN_LENGTH),
    );
    const key = `${node.partnershipId}|${node.label}`;
    const list = byGroup.get(key) ?? [];
    for (const text of texts) list.push({ node, text });
    byGroup.set(key, list);
  }
  const index = (spellings: readonly Spelling[]): Map<string, Spelling[]> => {
    const map = new Map<string, Spelling[]>();
    for (const spelling of spellings)
      for (const variant of deletions(spelling.text, spelling.text.length >= 10 ? 2 : 1)) {
        const list = map.get(variant);
        if (list) list.push(spelling);
        else map.set(variant, [spelling]);
      }
    return map;
  };
  const shared = new Map<string, Map<string, Spelling[]>>();
  const sharedIndex = (label: string): Map<string, Spelling[]> => {
    let map = shared.get(label);
    if (!map) shared.set(label, (map = index(byGroup.get(`${SHARED}|${label}`) ?? [])));
    return map;
  };

  const warnings: string[] = [];
  const reported = new Set<string>();
  const check = (a: Spelling, b: Spelling): void => {
    if (a.node === b.node) return;
    const [first, second] = a.node.id < b.node.id ? [a, b] : [b, a];
    const pair = `${first.node.id}|${second.node.id}`;
    if (reported.has(pair)) return;
    const distance = editDistance(first.text, second.text);
    if (distance > allowed(first.text, second.text)) return;
    reported.add(pair);
    warnings.push(
      `${first.node.id} "${first.text}" and ${second.node.id} "${second.text}" look like one ${first.node.label} spelled two ways: merge them and keep the other spelling in aliases, or ignore if they are different.`,
    );
  };
  for (const [key, spellings] of byGroup) {
    const [owner, label] = key.split("|") as [string, string];
    const own = index(spellings);
    for (const candidates of own.values())
      for (let i = 0; i < candidates.length; i++)
        for (let j = i + 1; j < candidates.length; j++) check(candidates[i]!, candidates[j]!);
    if (owner === SHARED) continue;
    const sharedSpellings = sharedIndex(label);
    if (!sharedSpellings.size) continue;
    for (const spelling of spellings)
      for (const variant of deletions(spelling.text, spelling.text.length >= 10 ? 2 : 1))
        for (const other of sharedSpellings.get(variant) ?? []) check(spelling, other);
  }
  return warnings;
}
