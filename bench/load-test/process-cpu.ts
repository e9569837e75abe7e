import { readFileSync } from "node:fs";

/**
 * Linux reports a process's CPU time in /proc in clock ticks of USER_HZ, which is 100 on every
 * architecture Linux runs Node on (the kernel fixes it for user space whatever its own tick).
 */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) another process has used so far, in ms, from
 * /proc/<pid>/stat; undefined where there is no /proc or the process is gone. For Neo4j's JVM,
 * whose CPU the benchmark cannot ask it for. Resolution 10 ms: read around runs, not requests.
 */
export function processCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
  // utime and stime fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}
