import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { UserError } from "../errors/index.ts";

/** Written in the data directory by the process that holds it, so a second one finds it. */
export const INSTANCE_FILE = "governance-graph.instance.json";

/** What a running instance says about itself: who holds the store, and where to reach it. */
export interface InstanceRecord {
  pid: number;
  hostname: string;
  /** The command that holds the store: `start`, `seed`, `report`... */
  command: string;
  startedAt: string;
  /** Set once its Neo4j accepts Bolt connections. */
  bolt?: string;
  /** The JVM of its local Neo4j, set with `bolt`: a next start finds it if it outlived this process. */
  neo4jPid?: number;
  /** Set once `npm start` serves the API. */
  api?: string;
}

/** The data directory is held by another live process (a second `npm start`, or a seed running). */
export class DataDirInUseError extends UserError {
  readonly dataDir: string;
  readonly holder: InstanceRecord;

  constructor(dataDir: string, holder: InstanceRecord) {
    super(
      `${dataDir} is in use by a running governance-graph \`${holder.command}\` (pid ${holder.pid}, since ${holder.startedAt}` +
        `${holder.api ? `, API ${holder.api}` : ""}${holder.bolt ? `, Neo4j ${holder.bolt}` : ""}); nothing was started or changed. ` +
        `Stop it first (kill ${holder.pid}), or set NEO4J_DATA_DIR to another folder for a second instance. ` +
        `If no such process exists, delete ${path.join(dataDir, INSTANCE_FILE)}.`,
    );
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readRecord(file: string): InstanceRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as InstanceRecord;
    return typeof record.pid === "number" ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The instance holding `dataDir` now, if any (a record left by a dead process is ignored). */
export function runningInstance(dataDir: string): InstanceRecord | undefined {
  const record = readRecord(path.join(dataDir, INSTANCE_FILE));
  if (!record) return undefined;
  if (record.hostname !== hostname()) return record; // another machine's, on a shared disk: assume it runs
  return isAlive(record.pid) ? record : undefined;
}

/** What this process was started as ("start", "seed --dir seeds"), to tell the user who holds a store. */
function commandLine(): string {
  return process.argv.slice(2).join(" ") || path.basename(process.argv[1] ?? "node");
}

export interface InstanceClaim {
  readonly dataDir: string;
  readonly record: InstanceRecord;
  /** The record of a dead process this claim replaced, if any (its Neo4j may still be running). */
  readonly replaced?: InstanceRecord;
  /** Adds what is now known (the Bolt URI and the JVM's pid, the API URL). */
  update(fields: Partial<Pick<InstanceRecord, "bolt" | "neo4jPid" | "api">>): void;
  /** Removes the file; idempotent. */
  release(): void;
}

/**
 * Takes the data directory for this process before anything touches the store or its logs:
 * refused with DataDirInUseError when a live process holds it; a record left by a dead one is
 * replaced (and kept as `replaced`, for the Neo4j it may have left running). Creating the file with O_EXCL makes two starts racing each other safe.
 * @example const claim = claimDataDir(".data/neo4j", "start"); ... claim.release();
 */
export function claimDataDir(dataDir: string, command = commandLine()): InstanceClaim {
  const home = path.resolve(dataDir);
  const file = path.join(home, INSTANCE_FILE);
  mkdirSync(home, { recursive: true });
  let record: InstanceRecord = {
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: new Date().toISOString(),
  };
  let replaced: InstanceRecord | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = runningInstance(home);
      if (holder) throw new DataDirInUseError(dataDir, holder);
      replaced = readRecord(file);
      rmSync(file, { force: true });
    }
  }
  let released = false;
  return {
    dataDir: home,
    ...(replaced ? { replaced } : {}),
    get record() {
      return record;
    },
    update(fields) {
      if (released) return;
      record = { ...record, ...fields };
      writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    },
    release() {
      if (released) return;
      released = true;
      // Only our own record: never a file another process wrote after ours was removed.
      if (runningInstance(home)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
