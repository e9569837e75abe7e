import { expect, it } from "vitest";

function load(): void {
  throw new Error("this file fails as it loads");
}
load();

it("is never collected", () => expect(1).toBe(1));
