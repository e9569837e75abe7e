import { print } from "graphql";
import { postGraphQL, type GraphQLReply } from "../../api/index.ts";
import { ReportError } from "../report-error.ts";
import { checkResponse } from "./check-response.ts";
import type { GraphQLErrorLike, ReportSource } from "./report-source.ts";

/** The GraphQL URL of an endpoint given as the server's base URL or as its /graphql URL. */
export function graphqlUrl(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ReportError(
      `--endpoint "${endpoint}" is not a URL. Give the API's address, e.g. http://127.0.0.1:4000/graphql.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ReportError(`--endpoint "${endpoint}" must be http or https, found ${url.protocol}`);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/graphql";
  return url.toString();
}

/**
 * A source that POSTs the report's query to a running API, as any client would.
 * @example const source = httpSource("http://127.0.0.1:4000/graphql", process.env.TOKEN);
 */
export function httpSource(endpoint: string, token?: string): ReportSource {
  const url = graphqlUrl(endpoint);
  return {
    description: url,
    async request(document, variables) {
      let reply: GraphQLReply;
      try {
        reply = await postGraphQL(url, { query: print(document), variables, token });
      } catch (error) {
        throw new ReportError(
          `Could not reach the API at ${url}: ${(error as Error).message}. Start it with \`npm start\` or check --endpoint.`,
        );
      }
      const body = reply.body as { data?: unknown; errors?: GraphQLErrorLike[] } | undefined;
      if (!body)
        throw new ReportError(
          `The API at ${url} answered HTTP ${reply.status} with something other than JSON: ${reply.text.slice(0, 200)}`,
        );
      return checkResponse(url, body);
    },
    async close() {},
  };
}
