import { readFileSync } from "node:fs";
import {
  buildSchema,
  isObjectType,
  isUnionType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import { entityResolvers } from "./entity-resolvers.ts";
import { traversalResolvers } from "./traversal-resolvers.ts";

// The API's own public schema as codegen prints it (kept current by test/unit/generated.test.ts):
// the same names, arguments and result shapes by construction, so the very same documents run
// against both, and nothing here restates schema/*.graphql. Fields without a naive resolver read
// the entity's property of that name, as graphql-js does by default.
const API_SCHEMA = new URL("../../generated/schema.graphql", import.meta.url);

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
              `The naive resolvers name ${typeName}.${fieldName}, which the API's schema (generated/schema.graphql) does not declare.`,
            );
          field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
        }
      else
        throw new Error(
          `The naive resolvers name type ${typeName}, which the API's schema (generated/schema.graphql) does not declare as an object or union.`,
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
    buildSchema(readFileSync(API_SCHEMA, "utf8")),
    entityResolvers as ResolverMap,
    traversalResolvers as ResolverMap,
  );
}
