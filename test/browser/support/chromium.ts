import type { Browser } from "playwright-core";
import { launchChromium } from "../../../src/browser/index.ts";

/**
 * One Chromium for a test file (the same executable and flags as the report printer), launched
 * when a test first asks for it. Ask from the test or its beforeEach, never a beforeAll: without
 * Chromium each test that needs it then fails with launchChromium's message (how to install it),
 * and the file's other tests still run.
 */
export function sharedChromium(): { browser(): Promise<Browser>; close(): Promise<void> } {
  let launched: Promise<Browser> | undefined;
  return {
    browser: () => (launched ??= launchChromium()),
    async close() {
      await (await launched?.catch(() => undefined))?.close();
    },
  };
}
