import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
/** Marks, on a library's module object, the exports already wrapped in this process. */
const WRAPPED = Symbol.for("governance-graph.wrapped-exports");

/**
 * Replaces one export of a library's internal (CommonJS) module with `wrap(original)`, once per
 * process: the caches of this folder hook libraries that offer no hook, where the library's own
 * code calls the export through the module object (`(0, module_1.name)(...)`), so the wrapper is
 * what it calls. `file` is the module's path from the directory of the package's main file. Throws,
 * naming the caller's file to update, when an upgrade moved or renamed the export; each cache has
 * a test that fails when the library stops calling it.
 */
export function wrapLibraryExport<F extends (...args: never[]) => unknown>(
  where: { packageName: string; file: string; exportName: string; owner: string },
  wrap: (original: F) => F,
): void {
  const module = require(path.join(path.dirname(require.resolve(where.packageName)), where.file)) as Record<
    string | symbol,
    unknown
  >;
  const wrapped = ((module[WRAPPED] as Set<string> | undefined) ??= new Set<string>());
  if (wrapped.has(where.exportName)) return;
  const original = module[where.exportName];
  if (typeof original !== "function")
    throw new Error(
      `${where.packageName} no longer exports ${where.exportName} from ${where.file}: update ${where.owner} for this version.`,
    );
  module[where.exportName] = wrap(original as F);
  wrapped.add(where.exportName);
}
