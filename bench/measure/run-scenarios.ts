import type { RoundTripCounter } from "../../src/api/index.ts";
import type { Landmarks } from "../generate/index.ts";
import type { FloorContext, Scenario } from "../scenarios/index.ts";
import type { AnswerServer } from "./answer-server.ts";
import { answerSize, canonical, firstDifference } from "./canonical.ts";
import { postGraphQL } from "./graphql-client.ts";
import { ratio, summarise, type LatencySummary } from "./statistics.ts";

export type VariantKey = "a" | "a0" | "b" | "c" | "h";

export interface ScenarioResult {
  name: string;
  description: string;
  variables: Record<string, unknown>;
  answer: { objects: number; bytes: number };
  /** null when the variant's answer equals (a)'s, else where they first differ. */
  differences: { a0?: string | null; b: string | null; c: string | null; h?: string | null };
  /** h (absent in results before session 10): the bare HTTP exchange of (a)'s answer (answer-server.ts). */
  latency: Record<Exclude<VariantKey, "h">, LatencySummary> & { h?: LatencySummary };
  /** (a)'s very first request, before any other of its document: translation cache empty, JIT cold (ms). */
  coldMs?: number;
  /** Database round trips per request (the median; they do not vary for a fixed question). */
  roundTrips: Record<Exclude<VariantKey, "h">, number>;
  ratios: {
    a0OverB_p50?: number | null;
    /** (b + h) / b at p50: about the least a/b an HTTP API could show here, were its GraphQL work free. */
    bPlusHOverB_p50?: number | null;
    aOverA0_p50?: number | null;
    aOverB_p50: number | null;
    aOverB_p95: number | null;
    cOverA_p50: number | null;
    cOverA_p95: number | null;
  };
}

export interface RunOptions {
  scenarios: readonly Scenario[];
  landmarks: Landmarks;
  asOf: string;
  /** /graphql of the real API and of the naive one. */
  apiUrl: string;
  naiveUrl: string;
  /** (h): serves (a)'s answer over HTTP without GraphQL. */
  answers: AnswerServer;
  /** (a0): the API's schema executed in this process. */
  inProcess: (query: string, variables: Record<string, unknown>) => Promise<unknown>;
  floor: FloorContext;
  counter: RoundTripCounter;
  iterations: number;
  warmup: number;
  onIteration?: (done: number, total: number) => void;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Asks every scenario five ways, interleaved: each iteration runs every scenario's a, a0, b, c and
 * h back to back, in an order that rotates with the iteration, so drift and noise (another
 * engineer's build, a GC pause, the page cache) fall on all of them alike.
 */
export async function runScenarios(options: RunOptions): Promise<ScenarioResult[]> {
  const { scenarios, counter } = options;
  const variables = scenarios.map((s) => s.variables(options.landmarks, options.asOf));
  const call = (index: number, key: VariantKey): Promise<unknown> => {
    const scenario = scenarios[index]!;
    if (key === "b") return scenario.floor(options.floor, variables[index]!);
    if (key === "a0") return options.inProcess(scenario.query, variables[index]!);
    if (key === "h")
      return postGraphQL(options.answers.url(scenario.name), scenario.query, variables[index]!);
    return postGraphQL(key === "a" ? options.apiUrl : options.naiveUrl, scenario.query, variables[index]!);
  };

  // First, the same answer three ways (checked once, before any timing).
  const answers: Record<VariantKey, unknown>[] = [];
  const cold: number[] = [];
  for (let i = 0; i < scenarios.length; i++) {
    const start = performance.now();
    const a = await call(i, "a");
    cold.push(performance.now() - start);
    options.answers.keep(scenarios[i]!.name, a);
    answers.push({
      a,
      a0: await call(i, "a0"),
      b: await call(i, "b"),
      c: await call(i, "c"),
      h: await call(i, "h"),
    });
  }
  const samples = scenarios.map(() => ({
    a: [] as number[],
    a0: [] as number[],
    b: [] as number[],
    c: [] as number[],
    h: [] as number[],
    trips: { a: [] as number[], a0: [] as number[], b: [] as number[], c: [] as number[] },
  }));
  // Every rotation of the five, so each variant runs first, second... equally often.
  const keys: VariantKey[] = ["a", "a0", "b", "c", "h"];
  const orders = keys.map((_, shift) => keys.map((_, k) => keys[(k + shift) % keys.length]!));
  const total = options.warmup + options.iterations;
  for (let iteration = 0; iteration < total; iteration++) {
    for (let i = 0; i < scenarios.length; i++)
      for (const key of orders[iteration % orders.length]!) {
        counter.roundTrips = 0;
        const start = performance.now();
        await call(i, key);
        const elapsed = performance.now() - start;
        if (iteration >= options.warmup) {
          samples[i]![key].push(elapsed);
          // (h) asks no database.
          if (key !== "h") samples[i]!.trips[key].push(counter.roundTrips);
        }
      }
    options.onIteration?.(iteration + 1, total);
  }
  return scenarios.map((scenario, i) => {
    const s = samples[i]!;
    const latency = {
      a: summarise(s.a),
      a0: summarise(s.a0),
      b: summarise(s.b),
      c: summarise(s.c),
      h: summarise(s.h),
    };
    const a = canonical(answers[i]!.a);
    return {
      name: scenario.name,
      description: scenario.description,
      variables: variables[i]!,
      answer: answerSize(answers[i]!.a),
      differences: {
        a0: firstDifference(a, canonical(answers[i]!.a0)),
        b: firstDifference(a, canonical(answers[i]!.b)),
        c: firstDifference(a, canonical(answers[i]!.c)),
        h: firstDifference(a, canonical(answers[i]!.h)),
      },
      latency,
      coldMs: Math.round(cold[i]! * 10) / 10,
      roundTrips: {
        a: median(s.trips.a),
        a0: median(s.trips.a0),
        b: median(s.trips.b),
        c: median(s.trips.c),
      },
      ratios: {
        a0OverB_p50: ratio(latency.a0.p50, latency.b.p50),
        bPlusHOverB_p50: ratio(latency.b.p50 + latency.h.p50, latency.b.p50),
        aOverA0_p50: ratio(latency.a.p50, latency.a0.p50),
        aOverB_p50: ratio(latency.a.p50, latency.b.p50),
        aOverB_p95: ratio(latency.a.p95, latency.b.p95),
        cOverA_p50: ratio(latency.c.p50, latency.a.p50),
        cOverA_p95: ratio(latency.c.p95, latency.a.p95),
      },
    };
  });
}
