// The viewer's tests drive the same Chromium, with the same flags, as the report printer.
export { launchChromium, chromiumPath } from "../../../src/browser/chromium.js";
