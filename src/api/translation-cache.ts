import { LRUCache } from "lru-cache";
import { wrapLibraryExport } from "./library-export.ts";
import { sharedTreeId } from "./resolve-tree-cache.ts";

/**
 * @neo4j/graphql translates every read into Cypher on every request (for the report's strategy
 * tree, about 14 ms of a 37 ms request; BENCHMARKS.md). The translation is a pure function of
 * the schema, the entity, the selection with its arguments (the resolve tree, variables already
 * substituted) and the caller's claims (which the authorization rules turn into filters and
 * parameters), so it is cached under exactly those: an ad-hoc query with another filter, sort or
 * selection, or the same document from a caller who sees differently, is translated afresh and
 * keeps all the generated filtering, sorting and authorization. The answer is never cached: the
 * cached Cypher runs against the database on every request, so writes are seen at once.
 *
 * The library has no hook for this, so its `translateRead` export, which its read resolvers call
 * through the module object on every request, is wrapped once per process. The wrapper depends
 * on that internal module (dist/translate/translate-read.js) of @neo4j/graphql 7; the test in
 * test/api/translation-cache.test.ts fails if an upgrade moves it or stops calling it.
 */

interface TranslateArgs {
  context: {
    resolveTree: unknown;
    schemaModel: object;
    jwt?: unknown;
    authorization?: { jwt?: unknown };
    cypherParams?: unknown;
  };
  entityAdapter: { name: string };
  varName?: string;
}
interface Translation {
  cypher: string;
  params: Record<string, unknown>;
}
type TranslateRead = (args: TranslateArgs) => Translation;

const ENTRIES_PER_SCHEMA = 1000;

const caches = new WeakMap<object, LRUCache<string, Translation>>();
/** Hits and misses since the process started, and the milliseconds each kind took (for tests and the benchmark). */
export const translationCacheStats = { hits: 0, misses: 0, hitMs: 0, missMs: 0 };

/**
 * The cache key: everything the translation reads that can differ between two requests. A tree
 * the resolve-tree cache handed out is named by its id (the same tree for the same field and
 * variables) rather than written out again on every request.
 */
function keyOf({ context, entityAdapter, varName }: TranslateArgs): string | undefined {
  try {
    return JSON.stringify([
      entityAdapter.name,
      varName ?? null,
      sharedTreeId(context.resolveTree) ?? context.resolveTree,
      context.authorization?.jwt ?? null,
      context.jwt ?? null,
      context.cypherParams ?? null,
    ]);
  } catch {
    return undefined; // a value JSON cannot write (a BigInt): translate without the cache
  }
}

/** Wraps the library's read translation with the cache (idempotent; buildSchema calls it). */
export function installTranslationCache(): void {
  wrapLibraryExport<TranslateRead>(
    {
      packageName: "@neo4j/graphql",
      file: "translate/translate-read.js",
      exportName: "translateRead",
      owner: "src/api/translation-cache.ts",
    },
    (translate) => (args) => {
      const start = performance.now();
      const key = keyOf(args);
      if (key === undefined) return translate(args);
      let cache = caches.get(args.context.schemaModel);
      if (!cache) caches.set(args.context.schemaModel, (cache = new LRUCache({ max: ENTRIES_PER_SCHEMA })));
      const cached = cache.get(key);
      if (cached) {
        translationCacheStats.hits++;
        translationCacheStats.hitMs += performance.now() - start;
        // A fresh parameters object per request: the executor copies it, but nothing may share it.
        return { cypher: cached.cypher, params: { ...cached.params } };
      }
      translationCacheStats.misses++;
      const translation = translate(args);
      cache.set(key, { cypher: translation.cypher, params: { ...translation.params } });
      translationCacheStats.missMs += performance.now() - start;
      return translation;
    },
  );
}
