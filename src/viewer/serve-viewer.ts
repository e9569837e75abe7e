import express from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { VIEWER_DIST_DIR } from "./build-viewer.ts";

/**
 * The page's Content-Security-Policy: its own scripts only, API calls to its own origin, and
 * blob:/data: images for the PNG and SVG exports. Cytoscape sets inline styles, hence
 * 'unsafe-inline' for styles (not scripts).
 */
export const VIEWER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/**
 * Express routes serving the built viewer at / (for startServer's and startApp's `mount` option).
 * Hashed assets are cached for a year; index.html is revalidated on every load. Until a build
 * exists, / answers 503 with the command that makes one.
 * @example startApp(config, { seedDir, mount: viewerRoutes() })
 */
export function viewerRoutes(dist = VIEWER_DIST_DIR): (app: express.Express) => void {
  return (app) => {
    app.use(
      express.static(dist, {
        index: "index.html",
        dotfiles: "ignore",
        setHeaders(res, file) {
          if (path.basename(file) === "index.html") {
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("Content-Security-Policy", VIEWER_CSP);
            res.setHeader("X-Content-Type-Options", "nosniff");
            res.setHeader("Referrer-Policy", "no-referrer");
          } else if (file.includes(`${path.sep}assets${path.sep}`))
            res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        },
      }),
    );
    app.get("/", (_req, res) => {
      const built = existsSync(path.join(dist, "index.html"));
      res
        .status(503)
        .type("text/plain")
        .send(
          built
            ? "The viewer could not be served."
            : `The viewer is not built yet (no ${path.join(dist, "index.html")}). It builds when npm start starts; or run: npm run build:viewer`,
        );
    });
  };
}
