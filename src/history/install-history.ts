import type { Driver } from "neo4j-driver";
import { UserError } from "../errors/index.ts";
import {
  ENDS_PROPERTY,
  HISTORY_LABEL,
  RETIRED_TRIGGERS,
  TRIGGER_NAME,
  triggerStatement,
  type AlsoRun,
} from "./history-trigger.ts";

/** Raised when the database cannot record history (APOC triggers off): says what to set. */
export class HistoryUnavailableError extends UserError {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The names, among `names`, of the triggers APOC has installed for the database. */
async function installedTriggers(driver: Driver, database: string, names: string[]): Promise<string[]> {
  const { records } = await driver.executeQuery(
    "CALL apoc.trigger.list() YIELD name WHERE name IN $names RETURN collect(name) AS installed",
    { names },
    { database },
  );
  return (records[0]?.get("installed") as string[] | undefined) ?? [];
}

/** Drops the triggers named, where installed, and waits until APOC no longer runs them. */
async function dropTriggers(
  driver: Driver,
  database: string,
  names: string[],
  timeoutMs: number,
): Promise<void> {
  const installed = await installedTriggers(driver, database, names);
  if (!installed.length) return;
  for (const name of installed)
    await driver.executeQuery(
      "CALL apoc.trigger.drop($database, $name)",
      { database, name },
      { database: "system" },
    );
  const deadline = Date.now() + timeoutMs;
  while ((await installedTriggers(driver, database, installed)).length) {
    if (Date.now() > deadline)
      throw new HistoryUnavailableError(
        `The trigger(s) ${installed.join(", ")} were dropped but APOC still runs them after ${timeoutMs / 1000} s: check apoc.trigger.refresh.`,
      );
    await sleep(250);
  }
}

/**
 * Makes the database record the history of every write: the trigger installed (or replaced when
 * its statement changed) and active, running `alsoRun` too, its indexes online, and relationships
 * older than the trigger stamped with their ends so their removal can be recorded too; retired
 * triggers dropped. Idempotent. APOC loads installed triggers every `apoc.trigger.refresh` ms
 * (the local Neo4j: 1 s; a server's default: 60 s), so the first start against a server waits up
 * to that long.
 */
export async function installHistory(
  driver: Driver,
  database: string,
  alsoRun: AlsoRun,
  timeoutMs = 90_000,
): Promise<void> {
  const statement = triggerStatement(alsoRun);
  await driver.executeQuery(
    `CREATE INDEX ${HISTORY_LABEL}_entity IF NOT EXISTS FOR (c:${HISTORY_LABEL}) ON (c.entityId, c.at)`,
    {},
    { database },
  );
  await driver.executeQuery(
    `CREATE INDEX ${HISTORY_LABEL}_partnership IF NOT EXISTS FOR (c:${HISTORY_LABEL}) ON (c.entityPartnershipId, c.at)`,
    {},
    { database },
  );
  const active = async (): Promise<boolean> => {
    const { records } = await driver.executeQuery(
      "CALL apoc.trigger.list() YIELD name, query, paused WHERE name = $name RETURN query = $statement AND NOT paused AS current",
      { name: TRIGGER_NAME, statement },
      { database },
    );
    return records[0]?.get("current") === true;
  };
  if (!(await active())) {
    try {
      await driver.executeQuery(
        "CALL apoc.trigger.install($database, $name, $statement, {phase: 'before'})",
        { database, name: TRIGGER_NAME, statement },
        { database: "system" },
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new HistoryUnavailableError(
        `Cannot install the history trigger (${reason}). Every write is recorded by an APOC trigger: set ` +
          "apoc.trigger.enabled=true (and, to wait less, apoc.trigger.refresh=1000) in the server's apoc.conf, " +
          "or start with HISTORY=off to run without history (Aura, which has no APOC triggers).",
      );
    }
    const deadline = Date.now() + timeoutMs;
    while (!(await active())) {
      if (Date.now() > deadline)
        throw new HistoryUnavailableError(
          `The history trigger was installed but is not active after ${timeoutMs / 1000} s: check apoc.trigger.refresh.`,
        );
      await sleep(250);
    }
    // Only when the trigger was (re)installed: relationships made while it was not active carry no ends.
    // In batches: a database loaded before history existed may hold many.
    const session = driver.session({ database });
    try {
      await session.run(
        `MATCH (a)-[r]->(b) WHERE r.${ENDS_PROPERTY} IS NULL AND NOT a:${HISTORY_LABEL}
         CALL (a, r, b) {
           SET r.${ENDS_PROPERTY} = [a.id, head(labels(a)), a.partnershipId, b.id, head(labels(b)), b.partnershipId]
         } IN TRANSACTIONS OF 10000 ROWS`,
      );
    } finally {
      await session.close();
    }
  }
  await dropTriggers(driver, database, RETIRED_TRIGGERS, timeoutMs);
}

/**
 * Makes the database stop recording history (HISTORY=off): drops the trigger (and retired ones)
 * where installed, and waits until APOC no longer runs it. The records already written are kept.
 * Where APOC triggers cannot be listed at all (Aura), no trigger can be running: nothing to do.
 */
export async function removeHistory(driver: Driver, database: string, timeoutMs = 90_000): Promise<void> {
  try {
    await installedTriggers(driver, database, [TRIGGER_NAME]);
  } catch {
    return;
  }
  await dropTriggers(driver, database, [TRIGGER_NAME, ...RETIRED_TRIGGERS], timeoutMs);
}
