import neo4j, { type Driver } from "neo4j-driver";
import { LABELS, SHARED } from "../schema-model/index.ts";
import { toPlain } from "../traversals/index.ts";
import type { Hub } from "./cost-model.ts";

/** How often the shape is read again: a load of partnerships is priced by the graph it made within a minute. */
export const GRAPH_SHAPE_INTERVAL_MS = 60_000;

/** Both reads are cheap (the count store; the shared nodes by the partnershipId index), bounded all the same. */
const READ_TIMEOUT_MS = 5_000;

/** The shared nodes priced one by one, the most connected first; the rest are priced by the measured fan-outs. */
export const MOST_HUBS = 200;

// Labels come from the schema, not from a request: one COUNT per node label, each answered by the count store.
const COUNTS = `RETURN {${LABELS.map((label) => `${label}: COUNT { (:${label}) }`).join(", ")}} AS counts`;

// The shared nodes of every label, each by its label's partnershipId index; for each, its
// relationships by type and direction: how many in all, and the most into any one partnership.
const HUBS = `
CALL () {
  ${LABELS.map((label) => `MATCH (n:${label} {partnershipId: $shared}) RETURN n, '${label}' AS label`).join("\n  UNION ALL\n  ")}
}
WITH n, label ORDER BY COUNT { (n)--() } DESC LIMIT $most
CALL (n) {
  MATCH (n)-[r]-(m)
  WITH CASE WHEN startNode(r) = n THEN type(r) + '>' ELSE '<' + type(r) END AS end, m.partnershipId AS partnership, count(*) AS rows
  RETURN collect([end, rows, partnership]) AS ends
}
RETURN label, n.id AS id, ends`;

/** What the cost model prices by that grows with the deployment (cost-model.ts, query-cost.ts). */
export interface GraphShape {
  /** The nodes of each label in the graph. */
  nodes: ReadonlyMap<string, number>;
  /** By label: its shared nodes (national agencies, county-wide bodies), whose fan-outs grow with the partnerships that use them. */
  hubs: ReadonlyMap<string, readonly Hub[]>;
}

export interface GraphShapeWatch {
  /** The shape as last read; undefined until the first read answers. */
  current(): GraphShape | undefined;
  /** Settles when the first read has answered or failed (never rejects; at most READ_TIMEOUT_MS, as every read). */
  ready: Promise<void>;
  stop(): void;
}

function hubOf(id: string, ends: readonly [string, number, unknown][]): Hub {
  const degrees = new Map<string, number>();
  const intoOne = new Map<string, number>();
  for (const [end, n, partnership] of ends) {
    degrees.set(end, (degrees.get(end) ?? 0) + n);
    // Another shared node is no partnership: each is one row of its own.
    const one = partnership === SHARED ? 1 : n;
    intoOne.set(end, Math.max(intoOne.get(end) ?? 0, one));
  }
  return { id, degrees, intoOnePartnership: intoOne };
}

/**
 * The graph's node counts by label and its shared hubs, read at once and every `intervalMs` (the
 * cost model prices a filter on a root list by the counts, at 300 partnerships 300 times one
 * partnership's, and a list under a shared node by its own fan-out, 300 boards for a national
 * agency). A failed read keeps the last shape: the next one tries again, and /health reports the
 * database.
 */
export function watchGraphShape(
  driver: Driver,
  database: string,
  intervalMs: number = GRAPH_SHAPE_INTERVAL_MS,
): GraphShapeWatch {
  let shape: GraphShape | undefined;
  const config = { database, routing: neo4j.routing.READ, transactionConfig: { timeout: READ_TIMEOUT_MS } };
  const read = async (): Promise<void> => {
    try {
      const [counts, hubs] = await Promise.all([
        driver.executeQuery(COUNTS, {}, config),
        driver.executeQuery(HUBS, { shared: SHARED, most: neo4j.int(MOST_HUBS) }, config),
      ]);
      const row = toPlain(counts.records[0]?.get("counts")) as Record<string, number> | undefined;
      if (!row) return;
      const byLabel = new Map<string, Hub[]>();
      for (const record of hubs.records) {
        const label = record.get("label") as string;
        const list = byLabel.get(label) ?? [];
        list.push(
          hubOf(record.get("id") as string, toPlain(record.get("ends")) as [string, number, unknown][]),
        );
        byLabel.set(label, list);
      }
      shape = {
        nodes: new Map(Object.entries(row)),
        hubs: byLabel,
      };
    } catch {
      // Kept: the last shape (or none, and the measured per-partnership figures price alone).
    }
  };
  // One read at a time: a slow one (a just-opened big store) is not joined by the next tick's.
  let reading: Promise<void> | undefined;
  const tick = (): Promise<void> => (reading ??= read().finally(() => (reading = undefined)));
  // A frozen database may not even refuse the connection: the wait is bounded here too.
  const ready = Promise.race([
    tick(),
    new Promise<void>((resolve) => setTimeout(resolve, READ_TIMEOUT_MS).unref()),
  ]);
  const timer = setInterval(() => void tick(), intervalMs);
  // The watch never keeps the process alive.
  timer.unref();
  return { current: () => shape, ready, stop: () => clearInterval(timer) };
}
