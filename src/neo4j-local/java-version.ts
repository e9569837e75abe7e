import { spawnSync } from "node:child_process";
import { UserError } from "../errors/index.ts";

export const MINIMUM_JAVA = 17;

export class JavaMissingError extends UserError {}

/** Parses the major version from `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

/** Fails with the fix when Java is missing or older than 17 (Neo4j 5.26 needs 17 or 21). */
export function assertJava(javaCommand = "java"): number {
  const advice = `Install Java ${MINIMUM_JAVA}+ (e.g. apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to an existing Neo4j 5.23+ server with APOC core.`;
  const result = spawnSync(javaCommand, ["-version"], { encoding: "utf8" });
  if (result.error)
    throw new JavaMissingError(`Java was not found on PATH (${result.error.message}). ${advice}`);
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined)
    throw new JavaMissingError(`Could not read the Java version from "java -version". ${advice}`);
  if (major < MINIMUM_JAVA)
    throw new JavaMissingError(`Java ${major} found, Java ${MINIMUM_JAVA}+ needed. ${advice}`);
  return major;
}
