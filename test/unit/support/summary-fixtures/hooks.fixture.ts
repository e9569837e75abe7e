import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("a suite whose beforeAll throws", () => {
  beforeAll(() => {
    throw new Error("beforeAll failed");
  });
  it("never runs", () => expect(1).toBe(1));
  it("never runs either", () => expect(1).toBe(1));
});

describe("a suite whose afterAll throws", () => {
  afterAll(() => {
    throw new Error("afterAll failed");
  });
  it("passes before it", () => expect(1).toBe(1));
});
