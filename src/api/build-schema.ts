import { randomBytes } from "node:crypto";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { IResolvers } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { buildDomainModel, readTypeDefs } from "../schema-model/index.ts";
import { installArgumentCache } from "./argument-cache.ts";
import { authorizedTypeDefs } from "./authorization-rules.ts";
import type { ApiContext } from "./context.ts";
import { DateScalar } from "./date-scalar.ts";
import { historyResolvers } from "./history-resolvers.ts";
import { importResolvers } from "./import-resolvers.ts";
import { installResolveTreeCache } from "./resolve-tree-cache.ts";
import { installTranslationCache } from "./translation-cache.ts";
import { traversalResolvers } from "./traversal-resolvers.ts";
import { validateWrites } from "./validate-writes.ts";

export interface SchemaOptions {
  driver?: Driver;
  typeDefs?: string;
  resolvers?: IResolvers;
}

/**
 * The executable schema: everything @neo4j/graphql generates from schema/*.graphql, the
 * authorization rules for every type, our traversal and import resolvers, and checks on every write.
 */
export async function buildSchema(options: SchemaOptions = {}): Promise<GraphQLSchema> {
  installTranslationCache();
  installResolveTreeCache();
  installArgumentCache();
  const typeDefs = options.typeDefs ?? readTypeDefs();
  const neoSchema = new Neo4jGraphQL({
    typeDefs: authorizedTypeDefs(typeDefs, buildDomainModel(typeDefs)),
    ...(options.driver ? { driver: options.driver } : {}),
    // Our Date scalar replaces the library's (which shifts dates by the server's time zone).
    resolvers: {
      ...(options.resolvers ?? {
        ...traversalResolvers,
        Query: { ...(traversalResolvers.Query as object), ...(historyResolvers.Query as object) },
        ...importResolvers,
      }),
      Date: DateScalar,
    },
    features: {
      // Claims are verified in createContext and handed over as trusted `jwt`; the library never
      // decodes a token itself (the context carries none), so this key only switches its rules on.
      authorization: { key: randomBytes(32).toString("hex") },
      populatedBy: {
        callbacks: {
          // Who made the change: the token's subject, or its first role when it names none.
          updatedBy: (_parent: unknown, _args: unknown, context: unknown) => {
            const claims = (context as ApiContext).jwt as { sub?: string; roles?: string[] } | undefined;
            return claims?.sub ?? claims?.roles?.[0] ?? "unknown";
          },
        },
      },
    },
  });
  return validateWrites(await neoSchema.getSchema());
}
