import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where the launcher's Maven project lives, relative to the repository root. */
export const LAUNCHER_DIR = path.resolve(import.meta.dirname, "../../neo4j-launcher");
const STAMP = path.join(LAUNCHER_DIR, "target", "build.stamp");

function sourceHash(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(path.join(LAUNCHER_DIR, "pom.xml")));
  hash.update(readFileSync(path.join(LAUNCHER_DIR, "src/main/java/governance/neo4j/LocalNeo4j.java")));
  return hash.digest("hex");
}

export function launcherIsBuilt(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash();
}

/**
 * Builds the launcher with the Maven Wrapper (first run downloads Maven and the Neo4j artifacts
 * from Maven Central; their progress is shown). Does nothing when the build is current.
 */
export async function ensureLauncherBuilt(
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  if (launcherIsBuilt()) return;
  log("[neo4j] building the local Neo4j launcher (first run downloads Neo4j 5.26 from Maven Central)...");
  await new Promise<void>((resolve, reject) => {
    const child = spawn("./mvnw", ["-B", "package", "-DskipTests"], {
      cwd: LAUNCHER_DIR,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let downloaded = 0;
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split("\n")) {
        if (/ERROR|BUILD/.test(line)) log(`[maven] ${line}`);
        else if (/Downloaded from|Downloading/.test(line) && ++downloaded % 25 === 0)
          log(`[maven] ${downloaded} artifacts fetched...`);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`Building the Neo4j launcher failed (mvnw exit ${code}); see the [maven] lines above.`),
          ),
    );
  });
  writeFileSync(STAMP, sourceHash());
}
