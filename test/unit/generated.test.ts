import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_DIR, generateFiles } from "../../codegen.ts";

describe("generated/", () => {
  it("matches what `npm run codegen` produces from the current schema and queries", async () => {
    const files = await generateFiles();
    // Every file in generated/ is one codegen writes, and codegen writes each of them.
    expect([...files.keys()].map((file) => path.basename(file)).sort()).toEqual(
      readdirSync(GENERATED_DIR).sort(),
    );
    expect([...files.keys()].map((file) => path.basename(file))).toContain("documents.ts");
    for (const [file, content] of files) {
      const name = path.relative(process.cwd(), file);
      expect(existsSync(file), `${name} is missing: run npm run codegen`).toBe(true);
      expect(
        readFileSync(file, "utf8") === content,
        `${name} is stale: run npm run codegen and commit the result`,
      ).toBe(true);
    }
  });
});
