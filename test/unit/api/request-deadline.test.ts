/**
 * What the request deadline answers when it passes before the database has: that depends on
 * whether the database had accepted the query (its keys arrived). A stand-in session, because
 * the point is the classification: a real database that accepts a query and then neither
 * finishes nor enforces its timeout cannot be arranged on demand (test/security/deadline.test.ts
 * and test/slow/supervision.test.ts cover the real ones).
 */
import type { Driver } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { deadlineDriver, requestDeadline } from "../../../src/api/index.ts";

const BUDGET_MS = 300;

/** A driver whose one query never finishes; `accepted`: the database has sent the query's keys. */
function stalledDriver(accepted: boolean): Driver {
  const result = {
    subscribe(observer: { onKeys?: (keys: string[]) => void }) {
      if (accepted) setTimeout(() => observer.onKeys?.(["people"]), 10);
    },
  };
  const session = {
    executeRead: (work: (tx: unknown) => unknown) => Promise.resolve(work({ run: () => result })),
    close: () => Promise.resolve(),
  };
  return { session: () => session } as unknown as Driver;
}

async function failureOf(driver: Driver): Promise<{ code: unknown; ms: number }> {
  const started = Date.now();
  const session = deadlineDriver(driver, requestDeadline(BUDGET_MS)).session();
  const error = await session
    .executeRead((tx) => tx.run("RETURN 1"))
    .then(
      () => undefined,
      (failure: unknown) => failure as { extensions?: { code?: unknown } },
    );
  return { code: error?.extensions?.code, ms: Date.now() - started };
}

describe("the request deadline, passed before the database answered", () => {
  it("is TIMEOUT when the database had accepted the query (busy with it, not unavailable)", async () => {
    const { code, ms } = await failureOf(stalledDriver(true));
    expect(code).toBe("TIMEOUT");
    expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 5);
    expect(ms).toBeLessThan(BUDGET_MS + 1_000);
  });

  it("is DATABASE_UNAVAILABLE when it never had", async () => {
    const { code, ms } = await failureOf(stalledDriver(false));
    expect(code).toBe("DATABASE_UNAVAILABLE");
    expect(ms).toBeLessThan(BUDGET_MS + 1_000);
  });
});
