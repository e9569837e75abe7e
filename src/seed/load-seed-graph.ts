import type { Driver } from "neo4j-driver";
import type { DomainModel } from "../schema-model/index.js";
import type { SeedGraph } from "./seed-graph.js";
import { addCounters, resetSteps, writeSteps, type WriteCounters } from "./write-seed-graph.js";

export const LOAD_TIMEOUT_MS = 30 * 60_000;

export interface LoadOptions {
  database: string;
  /** Delete the partnerships' subgraphs first, in the same transaction. */
  reset?: boolean;
  actor?: string;
  onStep?: (done: number, total: number, description: string) => void;
}

/** Writes the whole seed graph in ONE transaction: a failure anywhere leaves the graph as it was. */
export async function loadSeedGraph(
  driver: Driver,
  graph: SeedGraph,
  model: DomainModel,
  options: LoadOptions,
): Promise<WriteCounters> {
  const partnerships = [...new Set([...graph.nodes.values()].map((n) => n.partnershipId))];
  const steps = [
    ...(options.reset ? resetSteps(partnerships, model) : []),
    ...writeSteps(graph, model, options.actor),
  ];
  const session = driver.session({ database: options.database });
  try {
    return await session.executeWrite(
      async (tx) => {
        const total: WriteCounters = {
          nodesCreated: 0,
          nodesDeleted: 0,
          relationshipsCreated: 0,
          relationshipsDeleted: 0,
          propertiesSet: 0,
        };
        for (const [index, step] of steps.entries()) {
          options.onStep?.(index, steps.length, step.description);
          addCounters(total, await step.run(tx));
        }
        options.onStep?.(steps.length, steps.length, "committing");
        return total;
        // A load is one transaction by design; allow it far longer than an API query.
      },
      { timeout: LOAD_TIMEOUT_MS },
    );
  } finally {
    await session.close();
  }
}
