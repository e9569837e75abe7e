/** POSTs one GraphQL request and returns its data; a response with errors throws, naming the first. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length || response.status !== 200)
    throw new Error(
      `${url} answered ${response.status} with ${body.errors?.length ?? 0} error(s): ${body.errors?.[0]?.message ?? "no data"}. The query was:\n${query.slice(0, 300)}`,
    );
  return body.data;
}
