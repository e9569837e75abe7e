import type { FieldNode, GraphQLResolveInfo, GraphQLSchema } from "graphql";
import { LRUCache } from "lru-cache";
import { deepFreeze } from "./deep-freeze.ts";
import { wrapLibraryExport } from "./library-export.ts";

/**
 * Every generated read resolver of @neo4j/graphql first turns the field's selection into its
 * "resolve tree" (`getNeo4jResolveTree`: graphql-parse-resolve-info's walk of the selection, then
 * a copy with every argument converted), about 0.6-0.9 ms of the report's strategy tree on every
 * request, before the translation cache (translation-cache.ts) is even asked. The tree is a pure
 * function of the schema, the field's nodes in the document (with the fragments they spread), the
 * parent type, the arguments and the operation's variables; Apollo's document store hands back the
 * same parsed document for the same query, so for a repeated query the same field nodes come
 * back, and the tree built for them and those variables is kept and handed out again. Its short
 * id (`sharedTreeId`) lets the translation cache key on it without writing the tree out again.
 *
 * Only queries are cached (a mutation's tree carries its input, used once). The kept tree is
 * frozen and never handed out: each request gets its own copy (see handedOut).
 *
 * The library has no hook for this: its internal module dist/utils/get-neo4j-resolve-tree.js,
 * whose default export its resolvers call through the module object on every request, is wrapped
 * once per process. test/api/resolve-tree-cache.test.ts fails if an upgrade moves it or stops
 * calling it.
 */

interface ResolveTree {
  [key: string]: unknown;
}
interface TreeOptions {
  args?: Record<string, unknown>;
  resolveTree?: unknown;
  field?: unknown;
}
type GetResolveTree = (info: GraphQLResolveInfo, options?: TreeOptions) => ResolveTree;

/** Trees kept per field of a document: one per set of variables asked with it. */
const TREES_PER_FIELD = 256;

interface FieldEntry {
  /** The field's nodes the trees were built for (graphql-js merges same-named fields into one). */
  nodes: readonly FieldNode[];
  parentType: string;
  trees: LRUCache<string, ResolveTree>;
}
const bySchema = new WeakMap<GraphQLSchema, WeakMap<FieldNode, FieldEntry>>();
const ids = new WeakMap<object, string>();
let nextId = 0;
/** Hits and misses since the process started (for tests and the benchmark). */
export const resolveTreeCacheStats = { hits: 0, misses: 0 };

/** The id of a tree this cache handed out (the same tree for the same field and variables), else undefined. */
export function sharedTreeId(tree: unknown): string | undefined {
  return typeof tree === "object" && tree !== null ? ids.get(tree) : undefined;
}

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

function variablesKey(info: GraphQLResolveInfo): string | undefined {
  try {
    return JSON.stringify(info.variableValues);
  } catch {
    return undefined; // a value JSON cannot write (a BigInt): built afresh
  }
}

/** A copy of every plain object and array of a tree; anything else (neo4j Integers) is shared, frozen. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy;
}

/**
 * The tree for one request: a copy of the kept one, with its id. The library writes into the tree
 * while translating (a top-level connection moves its `where` and `sort` under `node`, a @cypher
 * field empties its `args`; neither twice the same), so no two requests may share one; copying is
 * a small part of building (plain objects only, no argument conversion).
 */
function handedOut(tree: ResolveTree): ResolveTree {
  const copy = copyOf(tree) as ResolveTree;
  ids.set(copy, ids.get(tree)!);
  return copy;
}

/** Wraps the library's resolve-tree builder with the cache (idempotent; buildSchema calls it). */
export function installResolveTreeCache(): void {
  wrapLibraryExport<GetResolveTree>(
    {
      packageName: "@neo4j/graphql",
      file: "utils/get-neo4j-resolve-tree.js",
      exportName: "default",
      owner: "src/api/resolve-tree-cache.ts",
    },
    (build) => (info, options) => {
      // Nested calls (a given resolveTree or field) and writes are built as the library does.
      const first = info.fieldNodes[0];
      if (options?.resolveTree || options?.field || info.operation.operation !== "query" || !first)
        return build(info, options);
      const key = variablesKey(info);
      if (key === undefined) return build(info, options);
      let fields = bySchema.get(info.schema);
      if (!fields) bySchema.set(info.schema, (fields = new WeakMap()));
      let entry = fields.get(first);
      if (!entry || !sameNodes(entry.nodes, info.fieldNodes) || entry.parentType !== info.parentType.name) {
        entry = {
          nodes: [...info.fieldNodes],
          parentType: info.parentType.name,
          trees: new LRUCache({ max: TREES_PER_FIELD }),
        };
        fields.set(first, entry);
      }
      let tree = entry.trees.get(key);
      if (tree) resolveTreeCacheStats.hits++;
      else {
        resolveTreeCacheStats.misses++;
        tree = build(info, options);
        deepFreeze(tree);
        ids.set(tree, `tree:${nextId++}`);
        entry.trees.set(key, tree);
      }
      return handedOut(tree);
    },
  );
}
