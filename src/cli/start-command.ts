import type { Config } from "../config/index.js";

export async function runStart(_config: Config, _options: { seedDir: string }): Promise<void> {
  throw new Error("not yet");
}
