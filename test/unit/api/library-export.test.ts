import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { wrapLibraryExport } from "../../../src/api/index.ts";

const require = createRequire(import.meta.url);

describe("wrapLibraryExport", () => {
  it("replaces the export the library calls, once per process however often it is asked", () => {
    const module = require("graphql/jsutils/identityFunc.js") as { identityFunc: (x: unknown) => unknown };
    let wraps = 0;
    let calls = 0;
    const wrap = (original: (x: unknown) => unknown) => {
      wraps++;
      return (x: unknown) => {
        calls++;
        return original(x);
      };
    };
    const where = {
      packageName: "graphql",
      file: "jsutils/identityFunc.js",
      exportName: "identityFunc",
      owner: "test",
    };
    wrapLibraryExport(where, wrap);
    wrapLibraryExport(where, wrap);
    expect(wraps).toBe(1);
    expect(module.identityFunc(7)).toBe(7);
    expect(calls).toBe(1);
  });

  it("names the file to update when the library no longer has the export", () => {
    expect(() =>
      wrapLibraryExport(
        {
          packageName: "graphql",
          file: "version.js",
          exportName: "versionInfo",
          owner: "src/api/some-cache.ts",
        },
        (original) => original,
      ),
    ).toThrow(
      "graphql no longer exports versionInfo from version.js: update src/api/some-cache.ts for this version.",
    );
  });
});
