import type { BenchResults } from "./results.ts";

/** The run's table on stdout, for the person watching. */
export function printSummary(results: BenchResults): void {
  const rows = results.scenarios.map((s) => ({
    scenario: s.name,
    objects: s.answer.objects,
    "a p50": s.latency.a.p50,
    "a p95": s.latency.a.p95,
    "a0 p50": s.latency.a0?.p50 ?? "-",
    "h p50": s.latency.h?.p50 ?? "-",
    "b p50": s.latency.b.p50,
    "b p95": s.latency.b.p95,
    "c p50": s.latency.c.p50,
    "trips a/b/c": `${s.roundTrips.a}/${s.roundTrips.b}/${s.roundTrips.c}`,
    "a/b p50": s.ratios.aOverB_p50,
    "a/b p95": s.ratios.aOverB_p95,
    "c/a p50": s.ratios.cOverA_p50,
    same: `${s.differences.b ? "b differs" : "b ok"}, ${s.differences.c ? "c differs" : "c ok"}`,
  }));
  console.table(rows);
  for (const s of results.scenarios) {
    if (s.differences.b)
      console.log(`${s.name}: the floor's answer differs from the API's at ${s.differences.b}`);
    if (s.differences.c)
      console.log(`${s.name}: the naive answer differs from the API's at ${s.differences.c}`);
    if (s.differences.h)
      console.log(`${s.name}: the answer server's answer differs from the API's at ${s.differences.h}`);
  }
  if (results.scaling)
    console.table(
      results.scaling.scenarios.map((s) => ({
        scenario: s.name,
        objects: `${s.answerObjects.here}/${s.answerObjects.baseline}`,
        "p95 here": s.p95.here,
        "p95 at 1": s.p95.baseline,
        ratio: s.p95.ratio,
        "floor ratio": s.floorP95Ratio,
      })),
    );
  for (const t of results.targets)
    console.log(`${t.met === null ? "n/a   " : t.met ? "met   " : "MISSED"} ${t.name}: ${t.detail}`);
}
