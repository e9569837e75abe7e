export { startApp, type App, type AppOptions } from "./start-app.ts";
export {
  describeWarmUp,
  viewerFirstQuestions,
  warmUp,
  type WarmUpOptions,
  type WarmUpReport,
} from "./warm-up.ts";
