import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { UserError } from "../errors/index.ts";

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Flags for a headless run in a container: no sandbox (root), no GPU, nothing fetched in the background. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches the real Chromium, or fails saying how to install it. */
export async function launchChromium(executablePath: string = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath))
    throw new UserError(
      `Chromium not found at ${executablePath}. Install Debian's package (as root: apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
