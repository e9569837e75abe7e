import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from "yaml";
import { ID_PATTERN } from "../schema-model/index.ts";
import type { SeedIssue } from "./seed-issue.ts";

/** The sample partnerships shipped with the project (seeds/barnet, seeds/shared, ...). */
export const DEFAULT_SEED_DIR = path.resolve(import.meta.dirname, "../../seeds");

/** A parsed seed file, with a way to find the line of each entry for error messages. */
export interface SeedFile {
  /** Path as shown in messages (relative to the working directory). */
  file: string;
  /** The YAML's content; undefined when the file could not be read. */
  data: unknown;
  /** Line of entry `index` in `entries` (1-based), when known. */
  entryLine(index: number): number | undefined;
  /** Why the file could not be read (not UTF-8, YAML syntax): then nothing else in it is checked. */
  readErrors: SeedIssue[];
  /**
   * For a file that could not be read: every id its text mentions. What other files say about
   * these ids may be wrong only because this file is, so it is not reported as a second problem.
   */
  mentions: ReadonlySet<string>;
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

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const ID_WORD = /[a-z]+:[a-z0-9][a-z0-9._:-]*/g;

/** Every id-like word of a text (for a file that could not be parsed). */
const idsIn = (text: string): Set<string> =>
  new Set(
    [...text.matchAll(ID_WORD)]
      .map(([word]) => word.replace(/[.:-]+$/, ""))
      .filter((w) => ID_PATTERN.test(w)),
  );

/**
 * The text of a seed file, or where its first byte that is not UTF-8 stands: a file saved as
 * Latin-1 ("V\xE1garwal") would otherwise load as U+FFFD.
 */
function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { issue: SeedIssue } {
  try {
    return { text: UTF8.decode(bytes).replace(/^\uFEFF/, "") };
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        UTF8.decode(bytes.subarray(start, i));
      } catch {
        const shown = new TextDecoder("utf-8")
          .decode(bytes.subarray(start, i))
          .replace(/\uFFFD/g, "?")
          .trim();
        return {
          issue: {
            file,
            line,
            message: `is not valid UTF-8 (a ? marks each byte that is not): ${JSON.stringify(shown.slice(0, 120))}.`,
            fix: "save the file as UTF-8 (for a Latin-1 file: iconv -f latin1 -t utf-8), then check that line's accented letters.",
          },
        };
      }
      line++;
      start = i + 1;
    }
    // Only reachable if the whole fails but each line decodes, which UTF-8 does not allow.
    return { issue: { file, message: "is not valid UTF-8.", fix: "save the file as UTF-8." } };
  }
}

/**
 * Line of each entry, found by scanning for the `- ` items under `entries:` (the layout every
 * seed file uses); undefined when the scan does not find exactly `count` of them, for instance
 * for an `entries: [...]` flow list. A full YAML syntax tree gives positions too, but costs more
 * than the parse itself: it is built only for such files, and only when a line is asked for.
 */
function scanEntryLines(text: string, count: number): number[] | undefined {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^entries:\s*(#.*)?$/.test(line));
  if (start < 0) return undefined;
  const found: number[] = [];
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const item = /^( *)- /.exec(line) ?? /^( *)-$/.exec(line);
    if (/^\S/.test(line) && !line.startsWith("-") && !line.startsWith("#")) break;
    if (!item) continue;
    indent ??= item[1]!.length;
    if (item[1]!.length === indent) found.push(i + 1);
  }
  return found.length === count ? found : undefined;
}

/** Entry lines from the full syntax tree (the slow, always-right way). */
function treeEntryLines(text: string): (index: number) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const entries = isMap(document.contents) ? document.contents.get("entries", true) : undefined;
  return (index) => {
    const node = isSeq(entries) ? (entries.items[index] as YamlNode | undefined) : undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

export function readSeedFile(
  fullPath: string,
  content: string | Uint8Array = readFileSync(fullPath),
): SeedFile {
  const file = path.relative(process.cwd(), fullPath) || fullPath;
  const decoded = typeof content === "string" ? { text: content } : decodeUtf8(content, file);
  if ("issue" in decoded) {
    const lenient = new TextDecoder("utf-8").decode(content as Uint8Array);
    return {
      file,
      data: undefined,
      entryLine: () => undefined,
      readErrors: [decoded.issue],
      mentions: idsIn(lenient),
    };
  }
  const text = decoded.text;
  let data: unknown;
  try {
    // The core schema: dates stay "YYYY-MM-DD" text (the loader converts them by the property's type).
    data = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return {
      file,
      data: undefined,
      entryLine: () => undefined,
      readErrors: [
        {
          file,
          line: error.mark.line + 1,
          column: error.mark.column + 1,
          message: `is not valid YAML: ${error.reason}.`,
          fix: "correct the YAML syntax there (the rest of this file is not checked until it parses).",
        },
      ],
      mentions: idsIn(text),
    };
  }
  const entries =
    typeof data === "object" && data !== null ? (data as { entries?: unknown }).entries : undefined;
  const scanned = Array.isArray(entries) ? scanEntryLines(text, entries.length) : undefined;
  let tree: ((index: number) => number | undefined) | undefined;
  return {
    file,
    data,
    entryLine: (index) => (scanned ? scanned[index] : (tree ??= treeEntryLines(text))(index)),
    readErrors: [],
    mentions: new Set(),
  };
}
