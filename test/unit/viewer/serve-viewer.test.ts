import express from "express";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEWER_CSP, viewerRoutes } from "../../../src/viewer/index.ts";

/** Serves `dist` with viewerRoutes on a free port; returns its base URL and a stop function. */
async function serve(dist: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = express();
  viewerRoutes(dist)(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("viewerRoutes", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "viewer-dist-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers 503 with the command to run while no build exists", async () => {
    const { url, stop } = await serve(path.join(dir, "missing"));
    try {
      const response = await fetch(`${url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("npm run build:viewer");
    } finally {
      await stop();
    }
  });

  it("serves index.html revalidated with a CSP, and hashed assets as immutable", async () => {
    const dist = path.join(dir, "built");
    mkdirSync(path.join(dist, "assets"), { recursive: true });
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>viewer</title>");
    writeFileSync(path.join(dist, "assets", "index-abc123.js"), "console.log(1)");
    writeFileSync(path.join(dist, ".build-inputs"), "secret-ish");
    const { url, stop } = await serve(dist);
    try {
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toBe(VIEWER_CSP);
      expect(page.headers.get("cache-control")).toBe("no-cache");
      const asset = await fetch(`${url}/assets/index-abc123.js`);
      expect(asset.headers.get("cache-control")).toContain("immutable");
      expect((await fetch(`${url}/.build-inputs`)).status).not.toBe(200);
    } finally {
      await stop();
    }
  });
});
