import { Result } from "neo4j-driver";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDriver, callerOnlyDriverStacks } from "../../../src/graph/index.ts";

/** A Result as the driver makes one for every RUN and COMMIT; its constructor captures the stack. */
function resultAskedByCaller(): { _stack: string | null } {
  return new Result(new Promise(() => {}), "RETURN 1") as unknown as { _stack: string | null };
}

describe("the stacks neo4j-driver captures in advance", () => {
  const original = Error.prepareStackTrace;
  afterEach(() => {
    Error.prepareStackTrace = original;
  });

  it("keep only the frames of this project's code, naming the caller, without the previous formatter", () => {
    const previous = vi.fn((error: Error) => `formatted by the previous formatter: ${error.message}`);
    Error.prepareStackTrace = callerOnlyDriverStacks(previous);
    const stack = resultAskedByCaller()._stack ?? "";
    // Fails if the driver no longer captures through captureStacktrace (then every Result pays for all its frames again).
    expect(previous).not.toHaveBeenCalled();
    expect(stack).toMatch(/^\s*at resultAskedByCaller \(.*driver-stacks\.test\.ts:\d+:\d+\)/);
    expect(stack).not.toMatch(/node_modules|captureStacktrace/);
  });

  it("leave every other stack to the previous formatter", () => {
    const previous = vi.fn((error: Error) => `formatted by the previous formatter: ${error.message}`);
    Error.prepareStackTrace = callerOnlyDriverStacks(previous);
    expect(new Error("ours").stack).toBe("formatted by the previous formatter: ours");
    expect(previous).toHaveBeenCalledTimes(1);
  });

  it("are installed once over the process's formatter by createDriver, however many drivers are made", async () => {
    const previous = vi.fn((error: Error) => `formatted by the previous formatter: ${error.message}`);
    Error.prepareStackTrace = previous;
    // A driver connects only when first used: nothing listens on port 1, and nothing is asked.
    const options = { uri: "bolt://127.0.0.1:1", username: "neo4j", password: "" };
    const first = createDriver(options);
    const installed = Error.prepareStackTrace;
    const second = createDriver(options);
    await Promise.all([first.close(), second.close()]);
    expect(Error.prepareStackTrace).toBe(installed);
    expect(installed).not.toBe(previous);
    expect(new Error("ours").stack).toBe("formatted by the previous formatter: ours");
    expect(resultAskedByCaller()._stack).toMatch(/at resultAskedByCaller \(/);
    expect(previous).toHaveBeenCalledTimes(1);
  });
});
