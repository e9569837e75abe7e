import neo4j, { type Driver } from "neo4j-driver";
import { LABELS } from "../schema-model/index.js";

/** How often the counts are read again: a load of partnerships is priced by the graph it made within a minute. */
export const NODE_COUNTS_INTERVAL_MS = 60_000;

/** Node counts come from the database's count store: one cheap read, bounded all the same. */
const READ_TIMEOUT_MS = 5_000;

// Labels come from the schema, not from a request: one COUNT per node label, each answered by the count store.
const COUNTS = `RETURN {${LABELS.map((label) => `${label}: COUNT { (:${label}) }`).join(", ")}} AS counts`;

export interface NodeCounts {
  /** The nodes of each label in the graph as last read; undefined until the first read answers. */
  current(): ReadonlyMap<string, number> | undefined;
  stop(): void;
}

/**
 * The graph's node counts by label, read at once and every `intervalMs` (the cost model prices a
 * filter on a root list by them: at 300 partnerships the database checks 300 times the nodes it
 * checks for one). A failed read keeps the last counts: the next one tries again, and /health
 * reports the database.
 */
export function watchNodeCounts(
  driver: Driver,
  database: string,
  intervalMs: number = NODE_COUNTS_INTERVAL_MS,
): NodeCounts {
  let counts: ReadonlyMap<string, number> | undefined;
  const read = async (): Promise<void> => {
    try {
      const { records } = await driver.executeQuery(
        COUNTS,
        {},
        { database, routing: neo4j.routing.READ, transactionConfig: { timeout: READ_TIMEOUT_MS } },
      );
      const row = records[0]?.get("counts") as Record<string, { toNumber(): number }> | undefined;
      if (row) counts = new Map(Object.entries(row).map(([label, count]) => [label, count.toNumber()]));
    } catch {
      // Kept: the last counts (or none, and the measured per-partnership figures price alone).
    }
  };
  void read();
  const timer = setInterval(() => void read(), intervalMs);
  // The counts never keep the process alive.
  timer.unref();
  return { current: () => counts, stop: () => clearInterval(timer) };
}
