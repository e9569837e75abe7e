import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { UserError } from "../errors/index.ts";
import { claimDataDir } from "./instance-file.ts";
import {
  describeExit,
  startLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jOptions,
  type Neo4jExit,
} from "./launch.ts";

/** Waits before restart attempts 1, 2, 3...; the last repeats. */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
/** A Neo4j that stays up this long after a restart starts a fresh count of attempts when it next dies. */
const STABLE_MS = 60_000;

/** The local Neo4j died and could not be brought back within NEO4J_MAX_RESTARTS attempts. */
export class Neo4jGaveUpError extends UserError {}

export type SupervisorState =
  | { kind: "running"; pid: number; since: string; restarts: number; lastExit?: string }
  | {
      kind: "restarting";
      attempt: number;
      of: number;
      cause: string;
      /** When the attempt starts (waiting for its backoff) or started (under way). */
      attemptAt: string;
      underWay: boolean;
    }
  | { kind: "stopped" };

/** Why supervision ended without `stop()`: nothing left to serve with. */
export type SupervisionEnd =
  | { kind: "gave-up"; error: Neo4jGaveUpError }
  /** SIGTERM or SIGINT sent to the Neo4j process itself: taken as a request to stop everything. */
  | { kind: "stopped-from-outside"; cause: string };

export interface SupervisedNeo4j extends LocalNeo4j {
  state(): SupervisorState;
  /** Settles only when supervision ends by itself (see SupervisionEnd); never after `stop()`. */
  ended: Promise<SupervisionEnd>;
}

export interface SuperviseOptions extends LocalNeo4jOptions {
  /** Restart attempts after a death before giving up (NEO4J_MAX_RESTARTS). */
  maxRestarts: number;
}

/** The JVM's last lines that say what went wrong (an OutOfMemoryError, a store problem). */
function lastComplaint(exit: Neo4jExit): string {
  const line = exit.output
    .split("\n")
    .reverse()
    .find((l) => /Exception|Error|FATAL|ERROR/.test(l));
  return line ? `; last error printed: ${line.trim().slice(0, 300)}` : "";
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * The local Neo4j under supervision: when it dies it is restarted on the same port and store,
 * with backoff, each event logged with its cause; after `maxRestarts` failed attempts `ended`
 * settles with a Neo4jGaveUpError. The driver reconnects by itself once it is back.
 * @example const neo4j = await superviseLocalNeo4j({ dataDir, maxRestarts: 5 }); neo4j.ended.then(...)
 */
export async function superviseLocalNeo4j(options: SuperviseOptions): Promise<SupervisedNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const home = path.resolve(options.dataDir);
  const claim = options.claim ?? claimDataDir(home, options.command);
  let current: LocalNeo4j;
  try {
    current = await startLocalNeo4j({ ...options, log, claim });
  } catch (error) {
    if (!options.claim) claim.release();
    throw error;
  }
  const port = current.port;
  let state: SupervisorState = {
    kind: "running",
    pid: current.process.pid!,
    since: new Date().toISOString(),
    restarts: 0,
  };
  let restarts = 0;
  let attemptsThisEpisode = 0;
  let lastRestartAt = 0;
  let stopping = false;
  let wake: (() => void) | undefined;
  let restarting: Promise<void> | undefined;
  let end!: (value: SupervisionEnd) => void;
  const ended = new Promise<SupervisionEnd>((resolve) => (end = resolve));

  const restart = async (firstCause: string): Promise<void> => {
    let cause = firstCause;
    if (Date.now() - lastRestartAt > STABLE_MS) attemptsThisEpisode = 0;
    while (!stopping) {
      if (attemptsThisEpisode >= options.maxRestarts) {
        state = { kind: "stopped" };
        end({
          kind: "gave-up",
          error: new Neo4jGaveUpError(
            `The local Neo4j ${firstCause} and could not be brought back (${options.maxRestarts} restart attempt(s), NEO4J_MAX_RESTARTS): ${cause}. ` +
              `See ${path.join(home, "logs", "debug.log")}; fix the cause (memory: NEO4J_HEAP; disk space; the store), then start again.`,
          ),
        });
        return;
      }
      const attempt = ++attemptsThisEpisode;
      const delay = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
      state = {
        kind: "restarting",
        attempt,
        of: options.maxRestarts,
        cause,
        attemptAt: new Date(Date.now() + delay).toISOString(),
        underWay: false,
      };
      log(`[neo4j] restarting in ${seconds(delay)} (attempt ${attempt} of ${options.maxRestarts})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      if (stopping) return;
      const started = Date.now();
      state = { ...state, attemptAt: new Date(started).toISOString(), underWay: true };
      try {
        current = await startLocalNeo4j({ ...options, port, log: () => {}, claim });
      } catch (error) {
        cause = `restart attempt ${attempt} failed: ${(error as Error).message.split("\n")[0]}`;
        log(`[neo4j] ${cause}`);
        continue;
      }
      restarts++;
      lastRestartAt = Date.now();
      state = {
        kind: "running",
        pid: current.process.pid!,
        since: new Date().toISOString(),
        restarts,
        lastExit: firstCause,
      };
      log(
        `[neo4j] restarted: Neo4j ${current.version} ready on ${current.uri} (pid ${current.process.pid}) in ${seconds(Date.now() - started)}, restart ${restarts} since start-up`,
      );
      watch(current);
      return;
    }
  };

  const watch = (neo4j: LocalNeo4j): void => {
    const since = Date.now();
    void neo4j.exited.then((exit) => {
      if (exit.requested || stopping) return;
      const how = describeExit(exit);
      if (exit.code === 130 || exit.code === 143) {
        log(
          `[neo4j] Neo4j (pid ${neo4j.process.pid}) was ${how} from outside this process: stopping everything`,
        );
        state = { kind: "stopped" };
        end({ kind: "stopped-from-outside", cause: `Neo4j was ${how}` });
        return;
      }
      const cause = `died (${how}, pid ${neo4j.process.pid}, after ${seconds(Date.now() - since)} up)${lastComplaint(exit)}`;
      log(`[neo4j] Neo4j ${cause}`);
      restarting = restart(`died (${how}) at ${new Date().toISOString()}`);
    });
  };
  watch(current);

  return {
    uri: current.uri,
    port,
    version: current.version,
    get process(): ChildProcess {
      return current.process;
    },
    get exited() {
      return current.exited;
    },
    ended,
    state: () => state,
    async stop() {
      stopping = true;
      wake?.();
      await restarting;
      await current.stop();
      state = { kind: "stopped" };
      if (!options.claim) claim.release();
    },
  };
}
