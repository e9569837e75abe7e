import { userInfo } from "node:os";
import { SingleBar, Presets } from "cli-progress";
import type { Config } from "../config/index.ts";
import { ensureSchema, openDatabase } from "../graph/index.ts";
import { buildDomainModel, readTypeDefs, type DomainModel } from "../schema-model/index.ts";
import {
  countGraph,
  loadSeedGraph,
  resolveUnit,
  validateSeedDirectory,
  type SeedGraph,
  type WriteCounters,
} from "../seed/index.ts";

export interface SeedOptions {
  dir: string;
  check?: boolean;
  reset?: boolean;
  /** The load unit: partnership ids or slugs, or `shared`; by default every partnership in `dir`. */
  partnership?: string[];
}

const table = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `  ${name.padEnd(22)} ${count}`)
    .join("\n");

export function describeLoad(graph: SeedGraph, counters: WriteCounters | undefined, files: number): string {
  const { nodes, relationships } = countGraph(graph);
  const lines = [
    `${files} seed files: ${graph.nodes.size} nodes, ${graph.relationships.length} relationships (+ provenance)`,
    "Nodes:",
    table(nodes),
    "Relationships:",
    table(relationships),
  ];
  if (counters)
    lines.push(
      `Written: ${counters.nodesCreated} nodes created, ${counters.nodesDeleted} deleted, ${counters.relationshipsCreated} relationships created, ${counters.relationshipsDeleted} deleted, ${counters.propertiesSet} properties set.`,
    );
  return lines.join("\n");
}

/** Validates the seeds and, unless --check, loads them in one transaction. */
export async function runSeed(
  config: Config,
  options: SeedOptions,
  model: DomainModel = buildDomainModel(readTypeDefs()),
): Promise<void> {
  const { graph, files, warnings } = validateSeedDirectory(options.dir, model);
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  const unit = resolveUnit(graph, options.partnership);
  if (options.check) {
    console.log(`${describeLoad(graph, undefined, files.length)}\nValid: nothing written (--check).`);
    return;
  }
  const database = await openDatabase(config);
  try {
    await ensureSchema(database.driver, database.database, model, { history: config.HISTORY === "on" });
    const bar = new SingleBar(
      { format: "loading [{bar}] {value}/{total} {step}", hideCursor: true, noTTYOutput: false },
      Presets.shades_classic,
    );
    let started = false;
    const counters = await loadSeedGraph(database.driver, graph, model, {
      database: database.database,
      partnerships: unit,
      reset: options.reset ?? false,
      actor: userInfo().username,
      source: options.dir,
      onStep(done, total, step) {
        if (!started) bar.start(total, 0, { step });
        started = true;
        bar.update(done, { step });
      },
    });
    bar.stop();
    console.log(`${describeLoad(graph, counters, files.length)}\nLoaded: ${unit.join(", ")}.`);
  } finally {
    await database.close();
  }
}
