export { launchChromium, chromiumPath } from "./chromium.ts";
