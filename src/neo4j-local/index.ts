export {
  startLocalNeo4j,
  freePort,
  describeExit,
  StoreLockedError,
  BoltPortInUseError,
  Neo4jStartError,
  Neo4jStartTimeoutError,
  DEFAULT_START_TIMEOUT_MS,
  type LocalNeo4j,
  type LocalNeo4jOptions,
  type Neo4jExit,
} from "./launch.js";
export {
  superviseLocalNeo4j,
  Neo4jGaveUpError,
  type SupervisedNeo4j,
  type SupervisorState,
  type SupervisionEnd,
  type SuperviseOptions,
} from "./supervise.js";
export {
  claimDataDir,
  runningInstance,
  DataDirInUseError,
  INSTANCE_FILE,
  type InstanceClaim,
  type InstanceRecord,
} from "./instance-file.js";
export { assertJava, parseJavaMajor, JavaMissingError, MINIMUM_JAVA } from "./java-version.js";
export { ensureLauncherBuilt } from "./launcher-build.js";
