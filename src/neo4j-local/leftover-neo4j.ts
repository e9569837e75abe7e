import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { isAlive, type InstanceRecord } from "./instance-file.ts";

/** How long a leftover JVM gets to stop by itself: its stdin closed when its parent died, so it is shutting down. */
const SELF_STOP_MS = 10_000;
/** How long after SIGTERM before SIGKILL. */
const TERM_MS = 10_000;

/** The process's argv and state from Linux's /proc; undefined when it is gone, or on a system without /proc. */
function procInfo(pid: number): { argv: string[]; zombie: boolean } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    // The state follows the command name in parentheses: "4812 (java) S ...".
    return { argv, zombie: stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z") };
  } catch {
    return undefined;
  }
}

const gone = (pid: number): boolean => !isAlive(pid) || procInfo(pid)?.zombie === true;

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (gone(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return gone(pid);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone meanwhile
  }
}

/**
 * Before a start that replaced the record of a dead instance (claimDataDir's `replaced`), makes sure
 * that instance's Neo4j is gone. It runs in its own process group, so it outlives a kill of its
 * parent's whole tree, and holds the store lock until it has shut down (by itself, as its stdin
 * closed; or never, if it hangs). Only a process that is this project's launcher on this very store
 * is waited for or signalled, never one that reused the pid.
 * @example await stopLeftoverNeo4j(claim.replaced, home, log);
 */
export async function stopLeftoverNeo4j(
  replaced: InstanceRecord | undefined,
  home: string,
  log: (line: string) => void,
): Promise<void> {
  const pid = replaced?.neo4jPid;
  if (!pid || replaced.hostname !== hostname() || gone(pid)) return;
  const argv = procInfo(pid)?.argv ?? [];
  if (!argv.includes("governance.neo4j.LocalNeo4j") || !argv.includes(home)) return;
  log(
    `[neo4j] the Neo4j (pid ${pid}) of a governance-graph \`${replaced.command}\` that died (pid ${replaced.pid}) still holds ${home}: waiting up to ${SELF_STOP_MS / 1000} s for it to stop`,
  );
  if (await goneWithin(pid, SELF_STOP_MS)) return log(`[neo4j] the leftover Neo4j (pid ${pid}) stopped`);
  // SIGCONT too: a frozen (SIGSTOPped) JVM acts on the SIGTERM only once it runs again.
  signal(pid, "SIGTERM");
  signal(pid, "SIGCONT");
  if (await goneWithin(pid, TERM_MS))
    return log(`[neo4j] the leftover Neo4j (pid ${pid}) stopped on SIGTERM`);
  signal(pid, "SIGKILL");
  await goneWithin(pid, 5_000);
  log(`[neo4j] the leftover Neo4j (pid ${pid}) did not stop on SIGTERM within ${TERM_MS / 1000} s: killed`);
}
