import { describe, expect, it } from "vitest";
import { naturalCompare } from "../../src/text/index.ts";

describe("naturalCompare", () => {
  it("orders numbers inside text by value, as a person reads them", () => {
    expect(["Priority 10", "Priority 2", "p1-10", "p1-2"].sort(naturalCompare)).toEqual([
      "p1-2",
      "p1-10",
      "Priority 2",
      "Priority 10",
    ]);
  });

  it("puts a missing value first", () => {
    expect(naturalCompare(null, "a")).toBeLessThan(0);
    expect(naturalCompare("a", undefined)).toBeGreaterThan(0);
  });
});
