import { describe, expect, it } from "vitest";
import { parseJavaMajor } from "../../src/neo4j-local/index.ts";

describe("parseJavaMajor", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "11.0.2"', 11],
  ])("%s -> %i", (output, major) => expect(parseJavaMajor(output)).toBe(major));

  it("returns undefined for output it cannot read", () =>
    expect(parseJavaMajor("command not found")).toBeUndefined());
});
