export { startLocalNeo4j, freePort, type LocalNeo4j, type LocalNeo4jOptions } from "./launch.js";
export { assertJava, parseJavaMajor, JavaMissingError, MINIMUM_JAVA } from "./java-version.js";
export { ensureLauncherBuilt } from "./launcher-build.js";
