import type { IncomingMessage } from "node:http";
import type { Driver, ManagedTransaction, Session } from "neo4j-driver";
import { databaseUnavailable, GovernanceError, queryTimedOut } from "../errors/index.js";
import { isDatabaseTimeout, isDatabaseUnavailable, neo4jErrorIn, timeLimit } from "../graph/index.js";
import { forward } from "./forward.js";

/** When a request must have its answer: QUERY_TIMEOUT_MS after it arrived. */
export interface RequestDeadline {
  /** Epoch milliseconds. */
  at: number;
  /** QUERY_TIMEOUT_MS, for messages. */
  budgetMs: number;
}

const arrivals = new WeakMap<IncomingMessage, number>();

/** Express middleware: notes when the request arrived, before its body is read or its token checked. */
export function noteArrival(request: IncomingMessage, _response: unknown, next: () => void): void {
  arrivals.set(request, Date.now());
  next();
}

/** The request's deadline, counted from its arrival (or from now, outside HTTP). */
export function requestDeadline(budgetMs: number, request?: IncomingMessage): RequestDeadline {
  return { at: ((request && arrivals.get(request)) ?? Date.now()) + budgetMs, budgetMs };
}

/**
 * Kept back from each transaction's timeout so that a database which enforces it (and answers
 * TIMEOUT) does so before the request's deadline: a fifth of the budget, at most 2 s (a Neo4j
 * server checks timeouts every 2 s by default; the local one every 100 ms).
 */
export const enforcementReserveMs = (budgetMs: number): number => Math.min(2_000, budgetMs / 5);

function transactionTimeout(deadline: RequestDeadline, asked: unknown): number {
  const left = Math.floor(deadline.at - Date.now() - enforcementReserveMs(deadline.budgetMs));
  // No time left to ask the database anything: the request, not the database, is too slow.
  if (left < 1) throw queryTimedOut(deadline.budgetMs);
  return typeof asked === "number" && asked > 0 ? Math.min(asked, left) : left;
}

/** A driver failure in the API's terms: DATABASE_UNAVAILABLE (503) or TIMEOUT; others unchanged. */
function translate(error: unknown, deadline: RequestDeadline): unknown {
  if (error instanceof GovernanceError) return error;
  if (isDatabaseTimeout(error)) return queryTimedOut(deadline.budgetMs);
  if (isDatabaseUnavailable(error))
    return databaseUnavailable(`Neo4j is unreachable: ${neo4jErrorIn(error)!.code}`);
  return error;
}

/** Runs `work` until the deadline; past it, the database is the one that did not answer. */
function bounded<T>(deadline: RequestDeadline, work: () => Promise<T>): Promise<T> {
  let promise: Promise<T>;
  try {
    promise = work();
  } catch (error) {
    return Promise.reject(translate(error, deadline) as Error);
  }
  return timeLimit(promise, deadline.at - Date.now(), () =>
    databaseUnavailable(`Neo4j did not answer within the ${deadline.budgetMs} ms a request may take`),
  ).catch((error: unknown) => {
    throw translate(error, deadline);
  });
}

type TxConfig = Parameters<Session["executeRead"]>[1];

function deadlineSession(session: Session, deadline: RequestDeadline): Session {
  const managed =
    (method: "executeRead" | "executeWrite") =>
    <T>(work: (tx: ManagedTransaction) => Promise<T> | T, config?: TxConfig) =>
      bounded(deadline, () =>
        session[method](work, { ...config, timeout: transactionTimeout(deadline, config?.timeout) }),
      );
  return forward(session, {
    executeRead: managed("executeRead"),
    executeWrite: managed("executeWrite"),
    run: (...[query, parameters, config]: Parameters<Session["run"]>) =>
      session.run(query, parameters, { ...config, timeout: transactionTimeout(deadline, config?.timeout) }),
    // Closing rolls back on the server: on a frozen database that would hang past the deadline.
    close: () =>
      timeLimit(session.close(), deadline.at - Date.now(), () => new Error("close")).catch(() => {}),
  });
}

/**
 * The request's view of the driver, bounded by its deadline: every transaction gets the time
 * left (minus the enforcement reserve) as its timeout, and whatever the database has not
 * answered by the deadline (a frozen or silent server, a connection never acquired) fails with
 * DATABASE_UNAVAILABLE, so the request answers 503 with Retry-After within QUERY_TIMEOUT_MS.
 */
export function deadlineDriver(driver: Driver, deadline: RequestDeadline): Driver {
  return forward(driver, {
    session: (config?: Parameters<Driver["session"]>[0]) => deadlineSession(driver.session(config), deadline),
    executeQuery: (...[query, parameters, config]: Parameters<Driver["executeQuery"]>) =>
      bounded(deadline, () =>
        driver.executeQuery(query, parameters, {
          ...config,
          transactionConfig: {
            ...config?.transactionConfig,
            timeout: transactionTimeout(deadline, config?.transactionConfig?.timeout),
          },
        }),
      ),
  });
}
