import type { Driver } from "neo4j-driver";
import type { DomainModel } from "../../src/schema-model/index.js";
import { SHARED } from "../../src/schema-model/index.js";
import {
  addCounters,
  countGraph,
  emptyCounters,
  writeSteps,
  type SeedGraph,
  type WriteCounters,
} from "../../src/seed/index.js";
import { checkShape, generatePartnership, generateShared, mergeGraphs } from "../generate/index.js";

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

/** What a load unit writes of a graph: its nodes, its relationships, its provenance edges (on shared nodes too). */
function unitShape(graph: SeedGraph, unit: readonly string[]): ReturnType<typeof countGraph> {
  const own = new Set(unit);
  const shape = countGraph({
    nodes: new Map([...graph.nodes].filter(([, node]) => own.has(node.partnershipId))),
    relationships: graph.relationships.filter((r) => own.has(r.partnershipId)),
  });
  shape.relationships.EVIDENCED_BY = [...graph.nodes.values()].reduce(
    (total, node) => total + node.evidence.filter((e) => own.has(e.partnershipId)).length,
    0,
  );
  return shape;
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
  const counters = emptyCounters();
  const generated = {
    nodes: 0,
    relationships: 0,
    byLabel: {} as Record<string, number>,
    byType: {} as Record<string, number>,
  };
  let generateMs = 0;
  let writeMs = 0;
  const stepTimes = new Map<string, { ms: number; rows: number }>();
  // The shared national agencies first, in a transaction of their own (as `seed --partnership
  // shared`); then each batch writes only its partnerships (its load unit), referring to them.
  const shared = generateShared();
  const batches: (() => { graph: SeedGraph; unit: string[]; partnerships: number })[] = [
    () => ({ graph: shared, unit: [SHARED], partnerships: 0 }),
  ];
  for (let start = 0; start < options.partnerships; start += options.batchSize)
    batches.push(() => {
      const indexes = Array.from(
        { length: Math.min(options.batchSize, options.partnerships - start) },
        (_, i) => start + i,
      );
      const partnerships = indexes.map((index) => generatePartnership(index, options.seed));
      return {
        graph: mergeGraphs([shared, ...partnerships.map((p) => p.graph)]),
        unit: partnerships.map((p) => p.landmarks.partnershipId),
        partnerships: indexes.length,
      };
    });
  let loaded = 0;
  for (const makeBatch of batches) {
    const generateStart = performance.now();
    const { graph, unit, partnerships } = makeBatch();
    const problems = checkShape(graph, model);
    if (problems.length)
      throw new Error(
        `The generator made a graph the seed validator would refuse (${problems.length} problems), e.g.:\n  ${problems.slice(0, 5).join("\n  ")}\nFix bench/generate.`,
      );
    const shape = unitShape(graph, unit);
    add(generated.byLabel, shape.nodes);
    add(generated.byType, shape.relationships);
    generated.nodes += Object.values(shape.nodes).reduce((a, b) => a + b, 0);
    generated.relationships += Object.values(shape.relationships).reduce((a, b) => a + b, 0);
    const steps = writeSteps(graph, model, "bench", unit);
    generateMs += performance.now() - generateStart;

    const writeStart = performance.now();
    const session = driver.session({ database: options.database });
    try {
      const batch = await session.executeWrite(
        async (tx) => {
          const total = emptyCounters();
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
    loaded += partnerships;
    options.onBatch?.({
      partnershipsLoaded: loaded,
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
