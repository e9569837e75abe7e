import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { graphql, useTestServer } from "../support/api.ts";

// The README's "Traversal queries" section says its answers are real, from the sample graph
// (shortened where marked …). This runs each example against the sample (both partnerships are
// loaded) and checks what the README prints: every object written out in full occurs in the
// answer, and every "… N things]" is the length of that list.

interface Example {
  query: string;
  answer: string;
}

function readmeExamples(): Example[] {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf("\n## Traversal queries");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const pairs = section.matchAll(/```graphql\n([\s\S]*?)```\n```json\n([\s\S]*?)```/g);
  return [...pairs].map(([, query, answer]) => ({ query: query!.trim(), answer: answer!.trim() }));
}

/** Every `{...}` of the printed answer that is whole JSON (no … inside), and every "… N xs]" with its list's key. */
function printedParts(answer: string): { objects: unknown[]; counts: { key: string; length: number }[] } {
  const objects: unknown[] = [];
  const counts: { key: string; length: number }[] = [];
  const open: { char: string; at: number; key: string | null }[] = [];
  let inString = false;
  for (let i = 0; i < answer.length; i++) {
    const c = answer[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      const key = /"(\w+)":\s*$/.exec(answer.slice(Math.max(0, i - 60), i))?.[1] ?? null;
      open.push({ char: c, at: i, key });
    } else if (c === "}" || c === "]") {
      const opened = open.pop()!;
      const text = answer.slice(opened.at, i + 1);
      if (c === "}" && !text.includes("…")) objects.push(JSON.parse(text));
    } else if (c === "…") {
      const count = /^… (\d+) \w+\]/.exec(answer.slice(i));
      const list = open.at(-1);
      if (count && list?.char === "[" && list.key) counts.push({ key: list.key, length: Number(count[1]) });
    }
  }
  return { objects, counts };
}

function occurs(expected: unknown, actual: unknown): boolean {
  if (isDeepStrictEqual(expected, actual)) return true;
  if (actual && typeof actual === "object")
    return Object.values(actual).some((value) => occurs(expected, value));
  return false;
}

function listsUnder(key: string, actual: unknown): unknown[][] {
  if (!actual || typeof actual !== "object") return [];
  return Object.entries(actual).flatMap(([k, value]) => [
    ...(k === key && Array.isArray(value) ? [value] : []),
    ...listsUnder(key, value),
  ]);
}

const NINE = [
  "actionsFeeding",
  "accountabilityChain",
  "bodiesReportingTo",
  "responsibilities",
  "governanceDiagram",
  "governanceHealth",
  "search",
  "connection",
  "graphStats",
];

const api = useTestServer();

describe("the README's traversal examples", () => {
  const examples = readmeExamples();

  it("are there to check: a query and its answer for each of the nine", () => {
    expect(examples.map((e) => /\{\s*(\w+)/.exec(e.query)?.[1])).toEqual(NINE);
  });

  for (const example of examples) {
    const name = /\{\s*(\w+)/.exec(example.query)![1]!;
    it(`${name}: the answer printed is the answer given`, async () => {
      const { data, errors } = await graphql(api.server.url, example.query);
      expect(errors, example.query).toBeUndefined();
      const printed = printedParts(example.answer);
      expect(printed.objects.length, "the README prints at least one whole object").toBeGreaterThan(0);
      for (const object of printed.objects)
        expect(occurs(object, data), `${JSON.stringify(object)} in the answer to ${name}`).toBe(true);
      for (const { key, length } of printed.counts)
        expect(
          listsUnder(key, data).map((list) => list.length),
          `"… ${length}" ${key}`,
        ).toContain(length);
    });
  }
});
