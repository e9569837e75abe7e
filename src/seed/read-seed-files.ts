import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from "yaml";
import { ID_PATTERN } from "../schema-model/index.js";
import type { SeedIssue } from "./seed-issue.js";

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
  const lineCounter = new LineCounter();
  const document = parseDocument(decoded.text, { lineCounter, prettyErrors: false });
  const entries = isMap(document.contents) ? document.contents.get("entries", true) : undefined;
  const lineOf = (node: YamlNode | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const readErrors = document.errors.map((error): SeedIssue => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line,
      column: col,
      message: `is not valid YAML: ${error.message.split("\n")[0] ?? error.message}`,
      fix: "correct the YAML syntax there (the rest of this file is not checked until it parses).",
    };
  });
  return {
    file,
    data: readErrors.length ? undefined : document.toJS(),
    entryLine: (index) => (isSeq(entries) ? lineOf(entries.items[index] as YamlNode | undefined) : undefined),
    readErrors,
    mentions: readErrors.length ? idsIn(decoded.text) : new Set(),
  };
}
