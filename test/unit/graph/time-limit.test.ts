import { describe, expect, it } from "vitest";
import { enforcementReserveMs } from "../../../src/api/index.ts";
import { timeLimit } from "../../../src/graph/index.ts";

const never = new Promise<never>(() => {});

describe("timeLimit", () => {
  it("passes a prompt answer through", async () => {
    await expect(timeLimit(Promise.resolve(7), 1000, () => new Error("late"))).resolves.toBe(7);
  });

  it("passes a prompt failure through", async () => {
    await expect(timeLimit(Promise.reject(new Error("no")), 1000, () => new Error("late"))).rejects.toThrow(
      "no",
    );
  });

  it("fails with its own error once the time is up, whatever the work does", async () => {
    const started = Date.now();
    await expect(timeLimit(never, 50, () => new Error("late"))).rejects.toThrow("late");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("fails at once when no time is left", async () => {
    await expect(timeLimit(never, 0, () => new Error("late"))).rejects.toThrow("late");
  });
});

describe("the reserve kept back from each transaction's timeout", () => {
  it.each([
    [15_000, 2_000],
    [4_000, 800],
    [100, 20],
  ])("for QUERY_TIMEOUT_MS=%i is %i ms", (budget, reserve) => {
    expect(enforcementReserveMs(budget)).toBe(reserve);
  });
});
