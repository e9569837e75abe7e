import { describe, expect, it } from "vitest";
import { runCommand } from "../../../src/cli/index.ts";
import { ConfigError } from "../../../src/config/index.ts";
import { UserError } from "../../../src/errors/index.ts";
import { ReportError } from "../../../src/report/index.ts";
import { SeedValidationError } from "../../../src/seed/index.ts";

async function outcome(error?: unknown): Promise<{ code: number; printed: string[] }> {
  const printed: string[] = [];
  const code = await runCommand(
    async () => {
      if (error !== undefined) throw error;
    },
    { error: (text) => printed.push(text) },
  );
  return { code, printed };
}

describe("runCommand: one error taxonomy for the commands", () => {
  it("exits 0 and prints nothing when the command succeeds", async () => {
    expect(await outcome()).toEqual({ code: 0, printed: [] });
  });

  it.each([
    new UserError("PORT 4000 is in use. Set PORT to a free port."),
    new ConfigError("Invalid environment configuration"),
    new ReportError("--endpoint must be http or https"),
    new SeedValidationError([{ file: "a.yaml", message: "bad", fix: "mend it" }]),
  ])("prints a user error ($name) as its message alone and exits 1", async (error) => {
    const { code, printed } = await outcome(error);
    expect(code).toBe(1);
    expect(printed).toEqual([`error: ${error.message}`]);
    expect(printed[0]).not.toContain("    at ");
  });

  it.each([
    new Error("boom"),
    new TypeError("x is undefined"),
    Object.assign(new Error("x"), { name: "CustomError" }),
  ])("prints anything else ($name) with its stack and exits 2, whatever its name", async (error) => {
    const { code, printed } = await outcome(error);
    expect(code).toBe(2);
    expect(printed[0]).toContain(error.message);
    expect(printed[0]).toMatch(/\n\s+at /);
  });

  it("exits 2 for a thrown non-error", async () => {
    expect(await outcome("a string")).toEqual({ code: 2, printed: ["Unexpected failure: a string"] });
  });

  it("names user errors after their class", () => {
    expect(new ConfigError("x").name).toBe("ConfigError");
    expect(new SeedValidationError([]).name).toBe("SeedValidationError");
  });
});
