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
} from "./launch.ts";
export {
  superviseLocalNeo4j,
  Neo4jGaveUpError,
  type SupervisedNeo4j,
  type SupervisorState,
  type SupervisionEnd,
  type SuperviseOptions,
} from "./supervise.ts";
export {
  claimDataDir,
  runningInstance,
  DataDirInUseError,
  INSTANCE_FILE,
  type InstanceClaim,
  type InstanceRecord,
} from "./instance-file.ts";
export { assertJava, parseJavaMajor, JavaMissingError, MINIMUM_JAVA } from "./java-version.ts";
export { ensureLauncherBuilt } from "./launcher-build.ts";
