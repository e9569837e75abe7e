/**
 * Vite configuration of the viewer (the browser page in app/). `npm run build:viewer` and
 * `npm start` build through build-viewer.ts, which uses this file; the output goes to
 * dist/viewer/ (git-ignored) and the API server serves it at /.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, "app"),
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
