/**
 * `npm run bench:decode [-- --rounds N]`: how long neo4j-driver takes to decode the records the
 * API reads, with the driver's own map decoding against the one createDriver installs
 * (src/graph/driver-maps.ts), side by side in one run (interleaved rounds), no database needed.
 * Two payloads in the shapes the API reads most: the report's tree as @neo4j/graphql projects it
 * (one nested map; leaders with `__resolveType` and `__id`) and governanceHealth's findings (a
 * list of small maps). Writes bench/results/decode-<date>.json; see BENCHMARKS.md, session 11.
 */
import { Command } from "commander";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { int } from "neo4j-driver";
import { driverUnpackMap, unpackMap } from "../../src/graph/index.ts";
import { today } from "../../src/text/index.ts";
import { positive } from "../cli-options.ts";
import { machine } from "../report/results.ts";

interface Buffer {
  position: number;
  reset(): void;
}
type UnpackMap = typeof driverUnpackMap;

const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
const packstream = fromDriver("neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js") as {
  Packer: new (channel: Buffer) => { packable(value: unknown): () => void };
  Unpacker: (new () => { unpack(buffer: Buffer): unknown }) & {
    prototype: { _unpackMapWithSize: UnpackMap };
  };
};
const { alloc } = fromDriver("neo4j-driver-bolt-connection/lib/channel/index.js") as {
  alloc: (size: number) => Buffer;
};

const leader = (n: number) => ({
  id: `person:p000:officer-${n}`,
  name: `Officer ${n}`,
  __resolveType: "Person",
  __id: `4:1b6d2f0e-7c1a-4a8e-9f3b-2d5c8e0a4f71:${n}`,
});
const action = (n: number) => ({
  id: `action:p000:${n}`,
  ref: `${Math.floor(n / 10)}.${n % 10}`,
  title: `Deliver the partnership's commitment number ${n} with its partners`,
  status: "ON_TRACK",
  dueDate: "2025-03-31",
  leads: [leader(n), leader(n + 1)],
});
const objective = (n: number) => ({
  id: `objective:p000:${n}`,
  ref: `Outcome ${n}`,
  title: `Fewer victims of crime in the borough, outcome ${n}`,
  kind: "OUTCOME",
  leads: [leader(n)],
  indicators: [
    {
      id: `indicator:p000:${n}`,
      name: `Recorded offences ${n}`,
      unit: "count",
      measurements: [{ period: "2024/25 Q1", date: "2024-06-30", value: 412.0, target: 400.0, rag: "AMBER" }],
    },
  ],
  actions: Array.from({ length: 8 }, (_, i) => action(n * 10 + i)),
});
/** About the report's tree at 300 partnerships: 30 objectives on two levels, 240 actions, 520 leaders. */
const tree = {
  strategy: {
    id: "strategy:p000:css-2020-25",
    title: "Community Safety Strategy 2020-2025",
    leads: [leader(0)],
    objectives: Array.from({ length: 5 }, (_, i) => ({
      ...objective(i),
      subObjectives: Array.from({ length: 5 }, (_, j) => objective(100 + i * 5 + j)),
    })),
  },
};
/** About governanceHealth's answer: 1,375 findings. */
const findings = Array.from({ length: 1_375 }, (_, n) => ({
  rule: "ACTION_WITHOUT_LEAD",
  severity: "WARNING",
  message: `Action ${n} has no lead officer: name one in the delivery plan.`,
  subject: {
    id: `action:p000:${n}`,
    label: "Action",
    name: `Action ${n}`,
    partnershipId: "partnership:p000",
  },
  depth: int(n % 4),
}));

const PAYLOADS = { "report's tree": tree, "governanceHealth findings": findings };
const VARIANTS: Record<string, UnpackMap> = { driver: driverUnpackMap, ours: unpackMap };

function packed(value: unknown): Buffer {
  const buffer = alloc(4 << 20);
  new packstream.Packer(buffer).packable(value)();
  return buffer;
}

function decode(variant: UnpackMap, buffer: Buffer): unknown {
  const installed = packstream.Unpacker.prototype._unpackMapWithSize;
  packstream.Unpacker.prototype._unpackMapWithSize = variant;
  try {
    buffer.reset();
    return new packstream.Unpacker().unpack(buffer);
  } finally {
    packstream.Unpacker.prototype._unpackMapWithSize = installed;
  }
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const program = new Command("bench:decode")
  .option("--rounds <n>", "interleaved rounds (the first two are warm-up)", positive, 12)
  .option("--per-round <n>", "decodes of each payload by each variant per round", positive, 200);
program.parse();
const loadAtStart = loadavg();
const options = program.opts<{ rounds: number; perRound: number }>();

const results = [];
for (const [name, value] of Object.entries(PAYLOADS)) {
  const buffer = packed(value);
  const bytes = buffer.position;
  const [driverDecoded, oursDecoded] = [decode(driverUnpackMap, buffer), decode(unpackMap, buffer)];
  if (JSON.stringify(driverDecoded) !== JSON.stringify(oursDecoded))
    throw new Error(
      `${name}: the two decodings differ; src/graph/driver-maps.ts no longer matches the driver.`,
    );
  const samples: Record<string, number[]> = { driver: [], ours: [] };
  for (let round = 0; round < options.rounds; round++)
    for (const [variant, unpack] of Object.entries(VARIANTS)) {
      const start = performance.now();
      for (let i = 0; i < options.perRound; i++) decode(unpack, buffer);
      if (round >= 2) samples[variant]!.push(((performance.now() - start) / options.perRound) * 1000);
    }
  const driverUs = median(samples.driver!);
  const oursUs = median(samples.ours!);
  results.push({
    payload: name,
    bytes,
    driverUs: Math.round(driverUs),
    oursUs: Math.round(oursUs),
    oursOverDriver: Math.round((oursUs / driverUs) * 100) / 100,
  });
  console.log(
    `[decode] ${name}: ${bytes} bytes, driver ${driverUs.toFixed(0)} µs, ours ${oursUs.toFixed(0)} µs, ours/driver ${(oursUs / driverUs).toFixed(2)}`,
  );
}

const date = today();
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "results", `decode-${date}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      command: `npm run bench:decode -- --rounds ${options.rounds} --per-round ${options.perRound}`,
      date: new Date().toISOString(),
      machine: machine("none (no database)", loadAtStart),
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`[decode] wrote ${path.relative(process.cwd(), file)}`);
