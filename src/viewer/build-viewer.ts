import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
/** Where the built viewer lives (git-ignored); the server serves it at /. */
export const VIEWER_DIST_DIR = path.join(ROOT, "dist", "viewer");
const STAMP = ".build-inputs";
const CONFIG = path.join(HERE, "vite.config.ts");
/** Packages bundled into the page: a new version means a new build. */
const BUNDLED = ["@apollo/client", "cytoscape", "elkjs", "graphql", "rxjs", "vite"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`) && /\.(ts|html|css|svg|json)$/.test(f))
    .sort();
}

/** A hash of everything the build reads: the page's sources, the typed documents, the config, the bundled packages' versions. */
export function viewerInputsHash(): string {
  const hash = createHash("sha256");
  for (const file of [
    ...filesUnder(path.join(HERE, "app")),
    CONFIG,
    path.join(ROOT, "generated", "documents.ts"),
  ]) {
    hash.update(path.relative(ROOT, file));
    hash.update(existsSync(file) ? readFileSync(file) : "missing");
  }
  for (const name of BUNDLED) {
    const manifest = path.join(ROOT, "node_modules", name, "package.json");
    hash.update(
      `${name}@${existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version : "missing"}`,
    );
  }
  return hash.digest("hex");
}

/** Whether dist/viewer holds a build of the current sources. */
export function isViewerBuildCurrent(dist = VIEWER_DIST_DIR): boolean {
  const stamp = path.join(dist, STAMP);
  return (
    existsSync(path.join(dist, "index.html")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8").trim() === viewerInputsHash()
  );
}

/**
 * Builds the viewer with Vite into a fresh folder and swaps it in, so a server already serving
 * the old build (or a second build running at the same time) never sees half a folder.
 * @example await buildViewer(); // dist/viewer/index.html and dist/viewer/assets/*
 */
export async function buildViewer(options: { log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const inputs = viewerInputsHash();
  const staging = `${VIEWER_DIST_DIR}.building-${process.pid}-${Date.now()}`;
  // Vite is a development dependency: imported only when a build is really needed.
  const { build } = await import("vite");
  mkdirSync(path.dirname(VIEWER_DIST_DIR), { recursive: true });
  try {
    await build({ configFile: CONFIG, logLevel: "warn", build: { outDir: staging, emptyOutDir: true } });
    writeFileSync(path.join(staging, STAMP), `${inputs}\n`);
    const old = `${VIEWER_DIST_DIR}.old-${process.pid}-${Date.now()}`;
    if (existsSync(VIEWER_DIST_DIR)) renameSync(VIEWER_DIST_DIR, old);
    renameSync(staging, VIEWER_DIST_DIR);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(
    `[viewer] built ${path.relative(ROOT, VIEWER_DIST_DIR)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Builds the viewer when dist/viewer is missing or older than its sources; otherwise does nothing.
 * `npm start` and the viewer's tests call this, so a fresh clone needs no extra command.
 */
export async function ensureViewerBuilt(
  options: { log?: (line: string) => void } = {},
): Promise<"built" | "current"> {
  if (isViewerBuildCurrent()) return "current";
  (options.log ?? console.log)("[viewer] building the viewer (its build is missing or stale)…");
  await buildViewer(options);
  return "built";
}

// `npm run build:viewer`: always builds.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildViewer();
}
