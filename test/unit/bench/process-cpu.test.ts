import { spawn } from "node:child_process";
import { once } from "node:events";
import { expect, it } from "vitest";
import { processCpuMs } from "../../../bench/load-test/process-cpu.ts";

it("reads another process's CPU time from /proc as it grows, and nothing for a process that is gone", async () => {
  // A child that spins for about 300 ms of CPU, then waits to be killed.
  const child = spawn(process.execPath, [
    "-e",
    "const end = process.cpuUsage().user + 300000; while (process.cpuUsage().user < end); setInterval(() => {}, 1000)",
  ]);
  try {
    const start = processCpuMs(child.pid!);
    expect(start).toBeGreaterThanOrEqual(0);
    await expect
      .poll(() => processCpuMs(child.pid!)! - start!, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(250);
    // Node's start and the spin, in ms: a wrong tick rate would read it 10x off.
    expect(processCpuMs(child.pid!)).toBeLessThan(2_500);
  } finally {
    child.kill();
    await once(child, "exit");
  }
  expect(processCpuMs(child.pid!)).toBeUndefined();
});
