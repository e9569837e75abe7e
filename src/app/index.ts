export { startApp, type App, type AppOptions } from "./start-app.ts";
export { describeWarmUp, warmUp, type WarmUpOptions, type WarmUpReport } from "./warm-up.ts";
