import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Writes seed files (relative path -> YAML text) into a fresh temp folder, as a user would lay
 * them out, and returns the folder with a way to remove it.
 *
 * @example
 *   const dir = writeSeedDir({ "papers/a.yaml": "partnership: partnership:x\nentries: []\n" });
 *   try { validateSeedDirectory(dir.path, model) } finally { dir.remove() }
 */
export function writeSeedDir(files: Record<string, string | Uint8Array>): { path: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-seed-test-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
