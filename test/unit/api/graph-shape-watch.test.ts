import type { Driver } from "neo4j-driver";
import { expect, it } from "vitest";
import { watchGraphShape } from "../../../src/api/index.ts";

// graph-shape.ts reads the graph every interval; a read slower than the interval (a just-opened
// big store took over a minute) must not be joined by the next ticks' reads.

it("reads one shape at a time, however slow a read is", async () => {
  let calls = 0;
  let release!: () => void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  const driver = {
    executeQuery: async (cypher: string) => {
      calls++;
      await slow;
      return cypher.includes("UNION ALL") ? { records: [] } : { records: [{ get: () => ({ Body: 7 }) }] };
    },
  } as unknown as Driver;
  const watch = watchGraphShape(driver, "neo4j", 5);
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The counts and the hubs of the first read only, through some twenty ticks.
    expect(calls).toBe(2);
    release();
    await expect.poll(() => watch.current()?.nodes.get("Body")).toBe(7);
    // Once it has answered, the ticks read again.
    await expect.poll(() => calls).toBeGreaterThan(2);
  } finally {
    watch.stop();
  }
});
