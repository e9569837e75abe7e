import { execute, type GraphQLSchema } from "graphql";
import { buildSchema, createContext } from "../../api/index.ts";
import type { Config } from "../../config/index.ts";
import { openDatabase } from "../../graph/index.ts";
import { ReportError } from "../report-error.ts";
import { checkResponse } from "./check-response.ts";
import type { ReportSource } from "./report-source.ts";

/**
 * A report is one large batch request, not an interactive one: a database that has just started
 * plans its Cypher slowly, so an in-process report allows at least this long.
 */
const REPORT_TIMEOUT_MS = 120_000;

const refuseToken = (): never => {
  throw new ReportError(
    "An in-process report reads as an anonymous caller; send a token to a running API with --endpoint.",
  );
};

/**
 * A source that runs the report's query against the API's own schema in this process, on the
 * configured database (NEO4J_URI, or the local Neo4j started for the purpose): the same
 * resolvers, context and authorization as the server, without a server.
 * @example const source = await inProcessSource(loadConfig());
 */
export async function inProcessSource(config: Config, log?: (line: string) => void): Promise<ReportSource> {
  const database = await openDatabase(config, log);
  let schema: GraphQLSchema;
  try {
    schema = await buildSchema({ driver: database.driver });
  } catch (error) {
    await database.close();
    throw error;
  }
  const description = `${database.uri} (in-process)`;
  return {
    description,
    async request(document, variables) {
      // An anonymous caller, as the public sees the data: a token is for --endpoint (a running API).
      const options = {
        driver: database.driver,
        database: database.database,
        timeoutMs: Math.max(config.QUERY_TIMEOUT_MS, REPORT_TIMEOUT_MS),
        verifyToken: refuseToken,
        defaultPartnership: config.DEFAULT_PARTNERSHIP,
      };
      const contextValue = await createContext(options as Parameters<typeof createContext>[0]);
      const result = await execute({ schema, document, variableValues: variables, contextValue });
      return checkResponse(description, result);
    },
    close: () => database.close(),
  };
}
