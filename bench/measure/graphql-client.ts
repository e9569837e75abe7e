import { postGraphQL as post } from "../../src/api/index.ts";

/** POSTs one GraphQL request and returns its data; a response with errors throws, naming the first. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const { status, body } = await post(url, { query, variables });
  if (body?.errors?.length || status !== 200)
    throw new Error(
      `${url} answered ${status} with ${body?.errors?.length ?? 0} error(s): ${body?.errors?.[0]?.message ?? "no data"}. The query was:\n${query.slice(0, 300)}`,
    );
  return body?.data;
}
