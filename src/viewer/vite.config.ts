/**
 * Vite configuration of the viewer (the browser page in app/). `npm run build:viewer` and
 * `npm start` build through build-viewer.ts, which uses this file; the output goes to
 * dist/viewer/ (git-ignored) and the API server serves it at /.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { legendHtml } from "./app/render/legend.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Writes the legend into index.html, so it is painted with the page instead of moving it later. */
const legend: Plugin = {
  name: "viewer-legend",
  transformIndexHtml: (html) => {
    if (!html.includes("<!--legend-->")) throw new Error("index.html has no <!--legend--> for the legend");
    return html.replace("<!--legend-->", legendHtml());
  },
};

export default defineConfig({
  root: path.join(here, "app"),
  plugins: [legend],
  // Relative asset URLs: the page works wherever the server mounts it.
  base: "./",
  logLevel: "warn",
  clearScreen: false,
  build: {
    outDir: path.resolve(here, "../../dist/viewer"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    // cytoscape and ELK (compiled from Java) are large by nature; one chunk is fine for a local tool.
    chunkSizeWarningLimit: 4000,
  },
});
