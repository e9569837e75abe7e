import { Neo4jGraphQL } from "@neo4j/graphql";
import type { IResolvers } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { readTypeDefs } from "../schema-model/index.js";
import { refuseDuplicateIds } from "./refuse-duplicate-ids.js";
import { traversalResolvers } from "./traversal-resolvers.js";

export interface SchemaOptions {
  driver?: Driver;
  typeDefs?: string;
  resolvers?: IResolvers;
}

/** The executable schema: everything @neo4j/graphql generates from schema/*.graphql plus our resolvers. */
export async function buildSchema(options: SchemaOptions = {}): Promise<GraphQLSchema> {
  const neoSchema = new Neo4jGraphQL({
    typeDefs: options.typeDefs ?? readTypeDefs(),
    ...(options.driver ? { driver: options.driver } : {}),
    resolvers: options.resolvers ?? traversalResolvers,
  });
  return refuseDuplicateIds(await neoSchema.getSchema());
}
