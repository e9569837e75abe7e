import {
  buildSchema,
  isObjectType,
  isUnionType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import { entityResolvers } from "./entity-resolvers.js";
import { traversalResolvers } from "./traversal-resolvers.js";
import { NAIVE_TYPE_DEFS } from "./type-defs.js";

type ResolverMap = Record<string, Record<string, unknown>>;

/** Puts resolvers on a schema built by graphql-js (no extra library: the whole point is a plain implementation). */
function attach(schema: GraphQLSchema, ...maps: ResolverMap[]): GraphQLSchema {
  for (const map of maps)
    for (const [typeName, fields] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (isUnionType(type)) type.resolveType = fields.__resolveType as GraphQLTypeResolver<unknown, unknown>;
      else if (isObjectType(type))
        for (const [fieldName, resolve] of Object.entries(fields)) {
          const field = type.getFields()[fieldName];
          if (!field)
            throw new Error(
              `The naive resolvers name ${typeName}.${fieldName}, which bench/naive/type-defs.ts does not declare.`,
            );
          field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
        }
      else
        throw new Error(
          `The naive resolvers name type ${typeName}, which bench/naive/type-defs.ts does not declare as an object or union.`,
        );
    }
  return schema;
}

/**
 * The naive resolver-per-field API (the N+1 alternative): a graphql-js schema whose every
 * relationship field, and every step of every traversal, makes its own database round trip.
 * Served by the project's own server (src/api startServer), so only the resolvers differ.
 */
export function buildNaiveSchema(): GraphQLSchema {
  return attach(
    buildSchema(NAIVE_TYPE_DEFS),
    entityResolvers as ResolverMap,
    traversalResolvers as ResolverMap,
  );
}
