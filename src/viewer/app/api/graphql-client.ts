import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";

/** A request the API answered with errors, or could not answer; the message says which query and why. */
export class ViewerRequestError extends Error {
  override name = "ViewerRequestError";
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
  }
}

const printed = new WeakMap<object, string>();

function operationName(document: DocumentNode): string {
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
  return (operation && "name" in operation && operation.name?.value) || "query";
}

/**
 * A tiny GraphQL client over fetch for the viewer's typed documents (generated/documents.ts).
 * Sends `Authorization: Bearer <token>` on every request when a token is set; the API decides
 * what that caller may see.
 * @example const data = await client.request(ViewerDiagramDocument, { asOf: "2017-07-21" });
 */
export class GraphQLClient {
  constructor(
    private readonly endpoint: string,
    private readonly token: () => string | null,
  ) {}

  async request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    let query = printed.get(document);
    if (!query) printed.set(document, (query = print(document)));
    const token = this.token();
    const name = operationName(document);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ operationName: name, query, variables }),
      });
    } catch (error) {
      throw new ViewerRequestError(
        `${name}: the API at ${this.endpoint} could not be reached (${(error as Error).message}). Is the server running?`,
      );
    }
    const body = (await response.json().catch(() => null)) as {
      data?: Result;
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    if (body?.errors?.length) {
      const codes = body.errors.map((e) => e.extensions?.code ?? "").filter(Boolean);
      throw new ViewerRequestError(`${name}: ${body.errors.map((e) => e.message).join("; ")}`, codes);
    }
    if (!response.ok || !body?.data)
      throw new ViewerRequestError(`${name}: the API answered HTTP ${response.status} without data.`);
    return body.data;
  }
}
