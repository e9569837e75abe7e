import type { Driver } from "neo4j-driver";
import { SHARED, type DomainModel } from "../schema-model/index.ts";
import { didYouMean } from "../text/index.ts";
import { partnershipsOf, type SeedGraph } from "./seed-graph.ts";
import { SeedValidationError } from "./seed-issue.ts";
import {
  addCounters,
  emptyCounters,
  resetSteps,
  writeSteps,
  type WriteCounters,
} from "./write-seed-graph.ts";

export const LOAD_TIMEOUT_MS = 30 * 60_000;

export interface LoadOptions {
  database: string;
  /**
   * The load unit: the partnerships (ids, or `shared`) to write; by default every one the graph
   * holds. Nothing outside the unit is created, changed or deleted.
   */
  partnerships?: readonly string[];
  /** Delete the unit's subgraph first (its nodes and the relationships its files made), in the same transaction. */
  reset?: boolean;
  actor?: string;
  /** The seed folder or file, recorded with each change. */
  source?: string;
  onStep?: (done: number, total: number, description: string) => void;
}

/**
 * The load unit for `--partnership` values: full ids, slugs (`barnet` for partnership:barnet), or
 * `shared`; each must be a partnership the seeds hold.
 */
export function resolveUnit(graph: SeedGraph, requested?: readonly string[]): string[] {
  const available = partnershipsOf(graph);
  if (!requested?.length) return available;
  const unit = requested.map((value) =>
    value === SHARED || value.startsWith("partnership:") ? value : `partnership:${value}`,
  );
  const unknown = unit.filter((id) => !available.includes(id));
  if (unknown.length)
    throw new SeedValidationError(
      unknown.map((id) => ({
        file: "--partnership",
        entry: id,
        message: `is not a partnership of these seeds (they hold ${available.join(", ")}).`,
        fix: `name one of them.${didYouMean(id, available)}`,
      })),
    );
  return [...new Set(unit)];
}

/** Writes the unit's part of the seed graph in ONE transaction: a failure anywhere leaves the graph as it was. */
export async function loadSeedGraph(
  driver: Driver,
  graph: SeedGraph,
  model: DomainModel,
  options: LoadOptions,
): Promise<WriteCounters> {
  const unit = resolveUnit(graph, options.partnerships);
  const steps = [
    ...(options.reset ? resetSteps(unit, model) : []),
    ...writeSteps(graph, model, options.actor, unit),
  ];
  const session = driver.session({ database: options.database });
  try {
    return await session.executeWrite(
      async (tx) => {
        const total = emptyCounters();
        for (const [index, step] of steps.entries()) {
          options.onStep?.(index, steps.length, step.description);
          addCounters(total, await step.run(tx));
        }
        options.onStep?.(steps.length, steps.length, "committing");
        return total;
        // A load is one transaction by design; allow it far longer than an API query.
      },
      // The metadata names the load in the history of every change it makes (src/history).
      {
        timeout: LOAD_TIMEOUT_MS,
        metadata: { actor: options.actor ?? "seed", via: "seed", source: options.source ?? null },
      },
    );
  } finally {
    await session.close();
  }
}
