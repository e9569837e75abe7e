import type { Driver } from "neo4j-driver";
import type { DomainModel } from "../../src/schema-model/index.js";
import { addCounters, writeSteps, type WriteCounters } from "../../src/seed/index.js";
import { checkShape, countShape, generatePartnership, mergeGraphs } from "../generate/index.js";

const BATCH_TIMEOUT_MS = 30 * 60_000;

export interface LoadOptions {
  database: string;
  partnerships: number;
  seed: number;
  /** Partnerships per transaction. */
  batchSize: number;
  /** Called after each committed batch. */
  onBatch?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  partnershipsLoaded: number;
  nodesCreated: number;
  relationshipsCreated: number;
  elapsedMs: number;
}

export interface LoadReport {
  partnerships: number;
  batchSize: number;
  /** What the generator made (relationships include EVIDENCED_BY). */
  generated: {
    nodes: number;
    relationships: number;
    byLabel: Record<string, number>;
    byType: Record<string, number>;
  };
  counters: WriteCounters;
  generateMs: number;
  /** Time inside the write transactions, commits included. */
  writeMs: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
  /** Where the write time went: the loader's steps with the most time, summed over batches. */
  slowestSteps: { step: string; ms: number; rows: number }[];
}

const add = (total: Record<string, number>, more: Record<string, number>): void => {
  for (const [key, value] of Object.entries(more)) total[key] = (total[key] ?? 0) + value;
};

/**
 * Generates partnerships 0..n-1 and writes them through the project's own loader steps
 * (src/seed/write-seed-graph.ts), `batchSize` partnerships per transaction. Each batch is checked
 * against the domain model first: a generator bug fails loudly instead of loading bad data.
 */
export async function loadPartnerships(
  driver: Driver,
  model: DomainModel,
  options: LoadOptions,
): Promise<LoadReport> {
  const counters: WriteCounters = {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
  };
  const generated = {
    nodes: 0,
    relationships: 0,
    byLabel: {} as Record<string, number>,
    byType: {} as Record<string, number>,
  };
  let generateMs = 0;
  let writeMs = 0;
  const stepTimes = new Map<string, { ms: number; rows: number }>();
  for (let start = 0; start < options.partnerships; start += options.batchSize) {
    const generateStart = performance.now();
    const indexes = Array.from(
      { length: Math.min(options.batchSize, options.partnerships - start) },
      (_, i) => start + i,
    );
    const graph = mergeGraphs(indexes.map((index) => generatePartnership(index, options.seed).graph));
    const problems = checkShape(graph, model);
    if (problems.length)
      throw new Error(
        `The generator made a graph the seed validator would refuse (${problems.length} problems), e.g.:\n  ${problems.slice(0, 5).join("\n  ")}\nFix bench/generate.`,
      );
    const shape = countShape(graph);
    add(generated.byLabel, shape.nodes);
    add(generated.byType, shape.relationships);
    generated.nodes += graph.nodes.size;
    generated.relationships += Object.values(shape.relationships).reduce((a, b) => a + b, 0);
    const steps = writeSteps(graph, model, "bench");
    generateMs += performance.now() - generateStart;

    const writeStart = performance.now();
    const session = driver.session({ database: options.database });
    try {
      const batch = await session.executeWrite(
        async (tx) => {
          const total: WriteCounters = {
            nodesCreated: 0,
            nodesDeleted: 0,
            relationshipsCreated: 0,
            relationshipsDeleted: 0,
            propertiesSet: 0,
          };
          for (const step of steps) {
            const start = performance.now();
            addCounters(total, await step.run(tx));
            const time = stepTimes.get(step.description) ?? { ms: 0, rows: 0 };
            stepTimes.set(step.description, {
              ms: time.ms + performance.now() - start,
              rows: time.rows + step.rows,
            });
          }
          return total;
          // A batch is one transaction; on a busy machine it may take longer than an API query's timeout.
        },
        { timeout: BATCH_TIMEOUT_MS },
      );
      addCounters(counters, batch);
    } finally {
      await session.close();
    }
    writeMs += performance.now() - writeStart;
    options.onBatch?.({
      partnershipsLoaded: start + indexes.length,
      nodesCreated: counters.nodesCreated,
      relationshipsCreated: counters.relationshipsCreated,
      elapsedMs: writeMs,
    });
  }
  const seconds = writeMs / 1000;
  return {
    partnerships: options.partnerships,
    batchSize: options.batchSize,
    generated,
    counters,
    generateMs: Math.round(generateMs),
    writeMs: Math.round(writeMs),
    nodesPerSecond: Math.round(counters.nodesCreated / seconds),
    relationshipsPerSecond: Math.round(counters.relationshipsCreated / seconds),
    slowestSteps: [...stepTimes]
      .map(([step, { ms, rows }]) => ({ step, ms: Math.round(ms), rows }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8),
  };
}
