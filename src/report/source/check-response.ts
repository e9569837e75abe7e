import { ReportError } from "../report-error.ts";
import type { GraphQLErrorLike } from "./report-source.ts";

/** The data of a GraphQL response, or a ReportError quoting every error the API returned. */
export function checkResponse<Result>(
  source: string,
  response: { data?: unknown; errors?: readonly GraphQLErrorLike[] | undefined },
): Result {
  if (response.errors?.length) {
    const lines = response.errors.map(
      (e) => `  - ${e.message}${e.extensions?.code ? ` [${String(e.extensions.code)}]` : ""}`,
    );
    const codes = response.errors.map((e) => String(e.extensions?.code ?? ""));
    throw new ReportError(`The report query failed at ${source}:\n${lines.join("\n")}`, { codes });
  }
  if (response.data === null || response.data === undefined)
    throw new ReportError(`The report query to ${source} returned no data and no error.`);
  return response.data as Result;
}
