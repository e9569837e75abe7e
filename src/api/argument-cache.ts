import { BREAK, visit, type FieldNode, type GraphQLField } from "graphql";
import { deepFreeze } from "./deep-freeze.ts";
import { wrapLibraryExport } from "./library-export.ts";

/**
 * graphql-js works out a field's arguments (`getArgumentValues`: every literal coerced through
 * `valueFromAST`) each time it executes the field, so in a list it does so once per item: the
 * report's strategy tree coerces `sort: [{ ref: ASC }]` and `limit: 1` for every one of its
 * objectives, indicators and measurements (0.5-0.7 ms a request; graphql-js has a "TODO: find a
 * way to memoize" at the call). The arguments are a pure function of the field's definition, its
 * node in the document and the operation's variables: kept per node, for the request's variables
 * (graphql-js hands every field of one execution the same variables object), and across requests
 * for a node whose arguments name no variable (Apollo's document store hands back the same parsed
 * document for the same query). A field that takes no arguments gets one shared empty object
 * instead of a fresh one per item (graphql-js still walked the node's arguments for it: about
 * 1 ms of the health check's 1,500 findings). A kept arguments object is frozen: every resolver that gets it
 * gets the same one, and one that started writing into it would fail loudly in the tests.
 *
 * graphql-js has no hook for this: execute.js calls the export of its internal module
 * execution/values.js through the module object, which is wrapped once per process.
 * test/unit/api/argument-cache.test.ts fails if an upgrade moves it or stops calling it.
 */

type GetArgumentValues = (
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variableValues?: Record<string, unknown> | null,
) => Record<string, unknown>;

interface Kept {
  def: GraphQLField<unknown, unknown>;
  /** The variables the arguments were worked out with; undefined when the node names none. */
  variables: Record<string, unknown> | null | undefined;
  args: Record<string, unknown>;
}
const kept = new WeakMap<FieldNode, Kept>();
const NO_ARGUMENTS: Record<string, unknown> = Object.freeze({});
const namesVariables = new WeakMap<FieldNode, boolean>();
/** Hits and misses since the process started (for tests and the benchmark). */
export const argumentCacheStats = { hits: 0, misses: 0 };

/** Whether the field's arguments name a variable anywhere (worked out once per node). */
function usesVariables(node: FieldNode): boolean {
  let uses = namesVariables.get(node);
  if (uses === undefined) {
    uses = false;
    for (const argument of node.arguments ?? [])
      visit(argument, {
        Variable() {
          uses = true;
          return BREAK;
        },
      });
    namesVariables.set(node, uses);
  }
  return uses;
}

/** Wraps graphql-js's argument coercion with the cache (idempotent; buildSchema calls it). */
export function installArgumentCache(): void {
  wrapLibraryExport<GetArgumentValues>(
    {
      packageName: "graphql",
      file: "execution/values.js",
      exportName: "getArgumentValues",
      owner: "src/api/argument-cache.ts",
    },
    (coerce) => (def, node, variableValues) => {
      // A field that takes no arguments (every leaf) has none: validation refused any the node names.
      if (def.args.length === 0) return NO_ARGUMENTS;
      const variables = usesVariables(node) ? variableValues : undefined;
      const entry = kept.get(node);
      if (entry && entry.def === def && entry.variables === variables) {
        argumentCacheStats.hits++;
        return entry.args;
      }
      argumentCacheStats.misses++;
      const args = coerce(def, node, variableValues);
      deepFreeze(args);
      kept.set(node, { def, variables, args });
      return args;
    },
  );
}
