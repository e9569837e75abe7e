import type { Driver } from "neo4j-driver";
import type { DomainModel } from "../../src/schema-model/index.ts";
import { SHARED } from "../../src/schema-model/index.ts";
import {
  addCounters,
  countGraph,
  emptyCounters,
  writeSteps,
  type SeedGraph,
  type WriteCounters,
} from "../../src/seed/index.ts";
import { checkShape, generatePartnership, generateShared, mergeGraphs } from "../generate/index.ts";

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

/** One load transaction's worth: its graph (with the shared entities it refers to) and its load unit. */
export interface PlannedBatch {
  graph: SeedGraph;
  unit: string[];
  partnerships: number;
  /** What the batch writes, by label and relationship type. */
  shape: ReturnType<typeof countGraph>;
}

/**
 * The batches of a load of partnerships 0..n-1, each made when called: the shared national
 * agencies first, in a transaction of their own (as `seed --partnership shared`); then each batch
 * writes only its partnerships (its load unit), referring to them. Each is checked against the
 * domain model first: a generator bug fails loudly instead of loading bad data.
 */
export function planBatches(
  model: DomainModel,
  options: Pick<LoadOptions, "partnerships" | "seed" | "batchSize">,
): (() => PlannedBatch)[] {
  const shared = generateShared();
  const made: (() => Omit<PlannedBatch, "shape">)[] = [
    () => ({ graph: shared, unit: [SHARED], partnerships: 0 }),
  ];
  for (let start = 0; start < options.partnerships; start += options.batchSize)
    made.push(() => {
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
  return made.map((make) => () => {
    const batch = make();
    const problems = checkShape(batch.graph, model);
    if (problems.length)
      throw new Error(
        `The generator made a graph the seed validator would refuse (${problems.length} problems), e.g.:\n  ${problems.slice(0, 5).join("\n  ")}\nFix bench/generate.`,
      );
    return { ...batch, shape: unitShape(batch.graph, batch.unit) };
  });
}

/**
 * Writes one planned batch through the project's own loader steps (src/seed/write-seed-graph.ts)
 * in one transaction; `stepTimes` gathers the time of each step.
 */
export async function writeBatch(
  driver: Driver,
  database: string,
  model: DomainModel,
  batch: PlannedBatch,
  stepTimes?: Map<string, { ms: number; rows: number }>,
): Promise<WriteCounters> {
  const steps = writeSteps(batch.graph, model, "bench", batch.unit);
  const session = driver.session({ database });
  try {
    return await session.executeWrite(
      async (tx) => {
        const total = emptyCounters();
        for (const step of steps) {
          const start = performance.now();
          addCounters(total, await step.run(tx));
          const time = stepTimes?.get(step.description) ?? { ms: 0, rows: 0 };
          stepTimes?.set(step.description, {
            ms: time.ms + performance.now() - start,
            rows: time.rows + step.rows,
          });
        }
        return total;
      },
      // A batch is one transaction; on a busy machine it may take longer than an API query's timeout.
      { timeout: BATCH_TIMEOUT_MS },
    );
  } finally {
    await session.close();
  }
}

/** Generates partnerships 0..n-1 and writes them (planBatches, writeBatch), `batchSize` per transaction. */
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
  let loaded = 0;
  for (const makeBatch of planBatches(model, options)) {
    const generateStart = performance.now();
    const batch = makeBatch();
    add(generated.byLabel, batch.shape.nodes);
    add(generated.byType, batch.shape.relationships);
    generated.nodes += Object.values(batch.shape.nodes).reduce((a, b) => a + b, 0);
    generated.relationships += Object.values(batch.shape.relationships).reduce((a, b) => a + b, 0);
    generateMs += performance.now() - generateStart;

    const writeStart = performance.now();
    addCounters(counters, await writeBatch(driver, options.database, model, batch, stepTimes));
    writeMs += performance.now() - writeStart;
    loaded += batch.partnerships;
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
