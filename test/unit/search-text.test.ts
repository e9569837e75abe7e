import { describe, expect, it } from "vitest";
import { boundedSearchWords, LIMITS, relevance } from "../../src/traversals/index.ts";

describe("search text bounds", () => {
  it("keeps the words Lucene will see, within the bounds", () => {
    expect(boundedSearchWords("Safer (Communities) and the Board")).toEqual([
      "safer",
      "communities",
      "the",
      "board",
    ]);
  });

  it.each([
    ["searchLength", "a".repeat(LIMITS.searchLength + 1)],
    ["searchWords", Array.from({ length: LIMITS.searchWords + 1 }, (_, i) => `w${i}`).join(" ")],
    ["searchWordLength", "b".repeat(LIMITS.searchWordLength + 1)],
    [
      "searchRepeats",
      Array(LIMITS.searchRepeats + 1)
        .fill("board")
        .join(" "),
    ],
  ])("%s over its bound is LIMIT_EXCEEDED", (limit, text) => {
    expect(() => boundedSearchWords(text)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "LIMIT_EXCEEDED", argument: limit }),
      }),
    );
  });

  it("dropped words do not count: punctuation and and/or/not/to", () => {
    const text = Array(LIMITS.searchWords)
      .fill("x")
      .map((_, i) => `w${i}`)
      .join(" and ");
    expect(boundedSearchWords(text)).toHaveLength(LIMITS.searchWords);
  });
});

describe("relevance", () => {
  it("is 3 a word exact, 2 a prefix, 1 one typo, 0 none, averaged", () => {
    expect(relevance(["safer", "board"], "Safer Communities Board")).toBe(3);
    expect(relevance(["safe"], "Safer Communities Board")).toBe(2);
    expect(relevance(["bord"], "Safer Communities Board")).toBe(1);
    expect(relevance(["safer", "zebra"], "Safer Communities Board")).toBe(1.5);
  });
});
