import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { OperationDefinitionNode } from "graphql";
import introspection from "../../../../generated/possible-types.ts";

/** A request the API answered with errors, or could not answer; the message says which query and why. */
export class ViewerRequestError extends Error {
  override name = "ViewerRequestError";
  readonly codes: string[];

  constructor(message: string, codes: string[] = []) {
    super(message);
    this.codes = codes;
  }
}

/**
 * The cache of GraphQLClient, the client of the shipped documents: `possibleTypes` from codegen, so
 * fragments on the Leader union keep their fields, and no normalisation of traversal results
 * whose fields depend on the question's date (a DiagramNode's chair at one date must not
 * overwrite the same body's chair at another).
 */
function viewerCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      DiagramNode: { keyFields: false },
      PathNode: { keyFields: false },
    },
  });
}

function operationName(document: TypedDocumentNode<unknown, never>): string {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  );
  return operation?.name?.value ?? "query";
}

/**
 * The viewer's GraphQL client: Apollo Client with `viewerCache()`, over fetch, sending
 * `Authorization: Bearer <token>` on every request when a token is set (the API decides what
 * that caller may see). Errors become a ViewerRequestError naming the query.
 * @example const data = await client.request(ViewerDiagramDocument, { asOf: "2017-07-21", partnershipId });
 */
export class GraphQLClient {
  readonly apollo: ApolloClient;

  private readonly endpoint: string;

  constructor(
    endpoint: string,
    token: () => string | null,
    fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.endpoint = endpoint;
    const withToken: typeof fetch = (input, init) => {
      const value = token();
      const headers = new Headers(init?.headers);
      if (value) headers.set("authorization", `Bearer ${value}`);
      return fetchImpl(input, { ...init, headers });
    };
    this.apollo = new ApolloClient({
      link: new HttpLink({ uri: endpoint, fetch: withToken }),
      cache: viewerCache(),
    });
  }

  /**
   * `fresh` asks the API every time (search: its answers depend on the caller and change with
   * every write). `uncached` asks the API and keeps no copy: for a large answer used once (the
   * diagram, drawn from scratch), whose writing into and reading back from the cache is a long
   * task on a phone.
   */
  async request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
    options: { fresh?: boolean; uncached?: boolean } = {},
  ): Promise<Result> {
    const name = operationName(document as TypedDocumentNode<unknown, never>);
    try {
      const { data } = await this.apollo.query({
        query: document,
        variables,
        fetchPolicy: options.uncached ? "no-cache" : options.fresh ? "network-only" : "cache-first",
      } as never);
      if (!data) throw new ViewerRequestError(`${name}: the API answered without data.`);
      return data as Result;
    } catch (error) {
      if (error instanceof ViewerRequestError) throw error;
      if (CombinedGraphQLErrors.is(error)) {
        const codes = error.errors.map((e) => String(e.extensions?.code ?? "")).filter(Boolean);
        throw new ViewerRequestError(`${name}: ${error.errors.map((e) => e.message).join("; ")}`, codes);
      }
      throw new ViewerRequestError(
        `${name}: the API at ${this.endpoint} could not be reached (${(error as Error).message}). Is the server running?`,
      );
    }
  }

  /** Forgets every cached answer (after signing in or out, the API may answer differently). */
  async reset(): Promise<void> {
    await this.apollo.clearStore();
  }
}
