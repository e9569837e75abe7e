import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from "yaml";

/** The sample dataset shipped with the project. */
export const DEFAULT_SEED_DIR = path.resolve(import.meta.dirname, "../../seeds");

/** A parsed seed file, with a way to find the line of each entry for error messages. */
export interface SeedFile {
  /** Path as shown in messages (relative to the working directory). */
  file: string;
  data: unknown;
  /** Line of entry `index` in `entries` (1-based), when known. */
  entryLine(index: number): number | undefined;
  parseErrors: { line?: number; message: string }[];
}

/** Seed files in load order: partnership.yaml, registry/*.yaml, papers/*.yaml, then any other *.yaml. */
export function listSeedFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, name.name);
      if (name.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name.name)) files.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  const rank = (file: string): number =>
    file.endsWith("partnership.yaml") ? 0 : file.includes(`${path.sep}registry${path.sep}`) ? 1 : 2;
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function readSeedFile(fullPath: string, text = readFileSync(fullPath, "utf8")): SeedFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const entries = isMap(document.contents) ? document.contents.get("entries", true) : undefined;
  const lineOf = (node: YamlNode | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  return {
    file: path.relative(process.cwd(), fullPath) || fullPath,
    data: document.errors.length ? undefined : document.toJS(),
    entryLine: (index) => (isSeq(entries) ? lineOf(entries.items[index] as YamlNode | undefined) : undefined),
    parseErrors: document.errors.map((error) => ({
      line: error.linePos?.[0]?.line,
      message: error.message.split("\n")[0] ?? error.message,
    })),
  };
}
