/**
 * `npm run bench:lighthouse -- [--url http://127.0.0.1:4000/?partnership=partnership:barnet] [--runs 3]
 * [--reports <dir>]`:
 * Lighthouse (npm `lighthouse`) against a running viewer (`npm start`), in Debian's Chromium
 * (CHROMIUM_PATH overrides /usr/bin/chromium), desktop and mobile presets, performance and
 * accessibility. Writes bench/results/<date>-lighthouse.json (every run's scores and metrics, the
 * median of each, the machine's load average before and after) and prints a table. Not a timed
 * test: scores depend on the machine and its load.
 */
import * as chromeLauncher from "chrome-launcher";
import { Command } from "commander";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "../../src/browser/index.ts";
import { today } from "../../src/text/index.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
] as const;

interface Run {
  performance: number;
  accessibility: number;
  metrics: Record<string, number>;
  scriptBytes: number;
  /** The profile behind TBT: main-thread time by kind of work (ms) and the long tasks (ms, by script). */
  mainThread: Record<string, number>;
  longTasks: { script: string; ms: number }[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function audit(
  url: string,
  preset: "desktop" | "mobile",
  port: number,
  report: string | undefined,
): Promise<Run> {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (report) writeFileSync(report, JSON.stringify(lhr));
  const scripts = (
    lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] }
  )?.items
    ?.filter((i) => i.resourceType === "Script")
    .reduce((sum, i) => sum + (i.transferSize ?? 0), 0);
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    metrics: Object.fromEntries(
      METRICS.map((m) => [m, Math.round((lhr.audits[m]?.numericValue ?? 0) * 1000) / 1000]),
    ),
    scriptBytes: scripts ?? 0,
    mainThread: Object.fromEntries(
      (
        (
          lhr.audits["mainthread-work-breakdown"]?.details as {
            items?: { group: string; duration: number }[];
          }
        )?.items ?? []
      ).map((i) => [i.group, Math.round(i.duration)]),
    ),
    longTasks: (
      (lhr.audits["long-tasks"]?.details as { items?: { url: string; duration: number }[] })?.items ?? []
    ).map((t) => ({ script: t.url.split("/").pop() ?? t.url, ms: Math.round(t.duration) })),
  };
}

const options = new Command()
  .option("--url <url>", "the viewer", "http://127.0.0.1:4000/?partnership=partnership:barnet")
  .option("--runs <n>", "runs per preset (the median is reported)", "3")
  .option("--no-write", "print only")
  .option("--reports <dir>", "also write each run's full Lighthouse report (JSON) here, to profile")
  .parse()
  .opts<{ url: string; runs: string; write: boolean; reports?: string }>();

// Scores move with the machine's load (a shared 2-core machine): the record says what it was.
const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const presets: Record<
    string,
    {
      runs: Run[];
      median: Omit<Run, "metrics" | "mainThread" | "longTasks"> & { metrics: Record<string, number> };
    }
  > = {};
  for (const preset of ["desktop", "mobile"] as const) {
    const runs: Run[] = [];
    for (let i = 0; i < Number(options.runs); i++) {
      if (options.reports) mkdirSync(options.reports, { recursive: true });
      const report = options.reports && path.join(options.reports, `${preset}-${i + 1}.json`);
      runs.push(await audit(options.url, preset, chrome.port, report));
    }
    presets[preset] = {
      runs,
      median: {
        performance: median(runs.map((r) => r.performance)),
        accessibility: median(runs.map((r) => r.accessibility)),
        scriptBytes: median(runs.map((r) => r.scriptBytes)),
        metrics: Object.fromEntries(METRICS.map((m) => [m, median(runs.map((r) => r.metrics[m]!))])),
      },
    };
    const m = presets[preset].median;
    console.log(
      `${preset.padEnd(8)} performance ${m.performance}  accessibility ${m.accessibility}  script ${Math.round(m.scriptBytes / 1024)} KB  ` +
        METRICS.map((k) => `${k} ${m.metrics[k]}`).join("  "),
    );
  }
  const record = {
    date: today(),
    command: `npm run bench:lighthouse -- --url ${options.url} --runs ${options.runs}`,
    url: options.url,
    lighthouse: (await import("lighthouse/package.json", { with: { type: "json" } })).default.version,
    chromium: chromiumPath(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "" },
    // The 1, 5 and 15 minute load averages as the run started and ended.
    loadAverage: { before: loadBefore, after: loadavg().map((l) => Math.round(l * 100) / 100) },
    targets: { desktopPerformance: 90, mobilePerformance: 60, accessibility: 100 },
    presets,
  };
  if (options.write) {
    const dir = path.join(ROOT, "bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${record.date}-lighthouse.json`);
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
} finally {
  await chrome.kill();
}
