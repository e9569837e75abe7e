/** One HTTP answer, with how long it took. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  ms: number;
}

async function timed<T>(url: string, init?: RequestInit): Promise<Answer<T>> {
  const started = Date.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const body = (await response.json()) as T;
  return { status: response.status, headers: response.headers, body, ms: Date.now() - started };
}

export interface Health {
  status: string;
  reason?: string;
  neo4j?: { version: string };
  neo4jRestarts?: number;
}

export const health = (api: string): Promise<Answer<Health>> => timed<Health>(`${api}/health`);

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export const graphql = (api: string, query: string): Promise<Answer<GraphQLBody>> =>
  timed<GraphQLBody>(`${api}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });

/** Polls /health until it says `status` (connection refusals count as not yet), or fails after `timeoutMs`. */
export async function healthBecomes(api: string, status: string, timeoutMs: number): Promise<Answer<Health>> {
  const until = Date.now() + timeoutMs;
  let last: Answer<Health> | Error | undefined;
  while (Date.now() < until) {
    try {
      last = await health(api);
      if (last.body.status === status) return last;
    } catch (error) {
      last = error as Error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `/health did not say ${status} within ${timeoutMs} ms; last: ${JSON.stringify(last instanceof Error ? last.message : last?.body)}`,
  );
}
