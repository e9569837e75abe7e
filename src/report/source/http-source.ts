import { print } from "graphql";
import { ReportError } from "../report-error.js";
import { checkResponse } from "./check-response.js";
import type { GraphQLErrorLike, ReportSource } from "./report-source.js";

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
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query: print(document), variables }),
        });
      } catch (error) {
        throw new ReportError(
          `Could not reach the API at ${url}: ${(error as Error).message}. Start it with \`npm start\` or check --endpoint.`,
        );
      }
      const text = await response.text();
      let body: { data?: unknown; errors?: GraphQLErrorLike[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new ReportError(
          `The API at ${url} answered HTTP ${response.status} with something other than JSON: ${text.slice(0, 200)}`,
        );
      }
      return checkResponse(url, body);
    },
    async close() {},
  };
}
