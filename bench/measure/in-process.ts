import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { createContext } from "../../src/api/index.ts";

type ContextOptions = Parameters<typeof createContext>[0];

/**
 * (a0): the API's schema executed in this process, no HTTP and no Apollo pipeline: the document
 * is parsed and validated once (as a trusted document would be), then every call runs graphql-js
 * `execute` with a fresh request context (`createContext`, as the server makes one per request).
 * What is left is execution: our resolvers, @neo4j/graphql's translation and the database.
 */
export function inProcessExecutor(
  schema: GraphQLSchema,
  contextOptions: ContextOptions,
): (query: string, variables: Record<string, unknown>) => Promise<unknown> {
  const documents = new Map<string, DocumentNode>();
  const documentOf = (query: string): DocumentNode => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      const errors = validate(schema, document);
      if (errors.length) throw new Error(`The scenario's document is invalid: ${errors[0]!.message}`);
      documents.set(query, document);
    }
    return document;
  };
  return async (query, variables) => {
    const result = await execute({
      schema,
      document: documentOf(query),
      variableValues: variables,
      contextValue: await createContext(contextOptions),
    });
    if (result.errors?.length)
      throw new Error(
        `In-process execution answered ${result.errors.length} error(s): ${result.errors[0]!.message}`,
      );
    // graphql-js builds data with null prototypes; the JSON round trip makes it compare like (a)'s.
    return JSON.parse(JSON.stringify(result.data)) as unknown;
  };
}
