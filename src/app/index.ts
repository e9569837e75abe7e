export { startApp, type App, type AppOptions } from "./start-app.ts";
