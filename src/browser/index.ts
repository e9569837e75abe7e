export { launchChromium, chromiumPath } from "./chromium.js";
