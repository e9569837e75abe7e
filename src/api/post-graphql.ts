/** A GraphQL response body as the API sends it. */
export interface GraphQLBody<T = unknown> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  extensions?: { roundTrips?: number } & Record<string, unknown>;
}

/** What came back: the HTTP status, the body when it is JSON (else undefined), and the raw text. */
export interface GraphQLReply<T = unknown> {
  status: number;
  body: GraphQLBody<T> | undefined;
  text: string;
}

/**
 * POSTs one GraphQL request to a running API over HTTP, as any client would: JSON in and out,
 * `Authorization: Bearer <token>` when a token is given. The one transport of the report's
 * `--endpoint` source, the benchmarks and the tests; each decides what an error means to it.
 * Throws only when the server cannot be reached (fetch's error).
 * @example const { body } = await postGraphQL("http://127.0.0.1:4000/graphql", { query: "{ graphStats { nodesWithoutProvenance } }" });
 */
export async function postGraphQL<T = unknown>(
  url: string,
  request: { query: string; variables?: Record<string, unknown>; token?: string | undefined },
): Promise<GraphQLReply<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
  });
  const text = await response.text();
  let body: GraphQLBody<T> | undefined;
  try {
    body = JSON.parse(text) as GraphQLBody<T>;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}
