import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "../errors/index.ts";
import { buildDomainModel, readTypeDefs, type DomainModel } from "../schema-model/index.ts";
import { DEFAULT_SEED_DIR, scaffoldPartnership, slugProblem, validateSeedDirectory } from "../seed/index.ts";

/** A mistake in `seed new`'s arguments: printed as one line with the fix. */
export class ScaffoldError extends UserError {}

/**
 * `npm run seed -- new <slug> --name "..."`: writes <dir>/<slug>/ (partnership.yaml, registry/,
 * papers/) and validates the whole seed folder with it, so the new partnership starts valid.
 * Returns the folder written.
 */
export function runSeedNew(
  options: { dir: string; slug: string; name: string },
  model: DomainModel = buildDomainModel(readTypeDefs()),
): string {
  const problem = slugProblem(options.slug);
  if (problem) throw new ScaffoldError(`The slug ${problem} Fix: choose another slug.`);
  if (!options.name.trim())
    throw new ScaffoldError('--name is empty. Fix: give the partnership\'s name, --name "...".');
  const folder = path.join(options.dir, options.slug);
  if (existsSync(folder))
    throw new ScaffoldError(`${folder} exists already. Fix: choose another slug, or edit the files there.`);
  const files = scaffoldPartnership(options.slug, options.name.trim());
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  const { graph, files: checked } = validateSeedDirectory(options.dir, model);
  const partnershipId = `partnership:${options.slug}`;
  const dirOption = path.resolve(options.dir) === DEFAULT_SEED_DIR ? "" : ` --dir ${options.dir}`;
  console.log(
    [
      `Wrote ${Object.keys(files)
        .map((name) => path.join(folder, name))
        .join(", ")}.`,
      `${options.dir} is valid with it (${checked.length} files, ${graph.nodes.size} nodes).`,
      "Next:",
      `  1. transcribe a paper into ${path.join(folder, "papers")} (seeds/README.md), replacing the TODOs`,
      `  2. npm run seed -- --check${dirOption}`,
      `  3. npm run seed -- --partnership ${options.slug}${dirOption}   (into the configured Neo4j; add --reset to drop what you took out)`,
      `  4. the viewer: http://localhost:4000/?partnership=${encodeURIComponent(partnershipId)}`,
    ].join("\n"),
  );
  return folder;
}
