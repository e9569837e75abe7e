import type { DomainModel } from "../schema-model/index.ts";
import { buildSeedGraph } from "./build-seed-graph.ts";
import { findNearDuplicates } from "./near-duplicates.ts";
import { listSeedFiles, readSeedFile } from "./read-seed-files.ts";
import type { SeedGraph } from "./seed-graph.ts";
import { SeedValidationError } from "./seed-issue.ts";

export interface ValidatedSeeds {
  graph: SeedGraph;
  files: string[];
  warnings: string[];
}

/** Reads and validates every seed file under `dir`; throws SeedValidationError listing all problems. */
export function validateSeedDirectory(dir: string, model: DomainModel): ValidatedSeeds {
  const files = listSeedFiles(dir);
  if (!files.length)
    throw new SeedValidationError([
      { file: dir, message: "has no .yaml seed files.", fix: "point --dir at the seeds folder." },
    ]);
  const { graph, issues } = buildSeedGraph(
    files.map((file) => readSeedFile(file)),
    model,
  );
  if (issues.length) throw new SeedValidationError(issues);
  return { graph, files, warnings: findNearDuplicates(graph) };
}
