import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

/** Where a report's one GraphQL request goes: a running API over HTTP, or the schema in this process. */
export interface ReportSource {
  /** Said in errors and in the report's footer, e.g. "http://127.0.0.1:4000/graphql" or "bolt://127.0.0.1:7687 (in-process)". */
  readonly description: string;
  request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result>;
  close(): Promise<void>;
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown } & Record<string, unknown>;
}
