import type { IncomingMessage } from "node:http";
import neo4j, {
  EagerResult,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Record as Neo4jRecord,
  type Result,
  type Session,
} from "neo4j-driver";
import { databaseUnavailable, GovernanceError, queryTimedOut } from "../errors/index.ts";
import {
  isDatabaseOutOfMemory,
  isDatabaseTimeout,
  isDatabaseUnavailable,
  neo4jErrorIn,
  timeLimit,
} from "../graph/index.ts";
import { answerTooBigForDatabase, answerTooLarge, MAX_ANSWER_VALUES, valuesIn } from "./answer-size.ts";
import { forward } from "./forward.ts";

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
  if (isDatabaseOutOfMemory(error)) return answerTooBigForDatabase();
  if (isDatabaseUnavailable(error))
    return databaseUnavailable(`Neo4j is unreachable: ${neo4jErrorIn(error)!.code}`);
  return error;
}

/** One request's dealings with the database: its deadline and the values its answers hold so far. */
interface RequestState {
  deadline: RequestDeadline;
  values: number;
}

/** One transaction function (with its retries): whether the database has accepted any of its queries. */
interface Call {
  answered: boolean;
}

/**
 * Runs `work` until the deadline. Past it, the answer depends on what the database did: a query
 * it accepted and is still working on is a question too big (TIMEOUT: ask for less); a database
 * that never accepted the query (frozen, silent, no connection to be had) is DATABASE_UNAVAILABLE.
 */
function bounded<T>(deadline: RequestDeadline, call: Call, work: () => Promise<T>): Promise<T> {
  let promise: Promise<T>;
  try {
    promise = work();
  } catch (error) {
    return Promise.reject(translate(error, deadline) as Error);
  }
  return timeLimit(promise, deadline.at - Date.now(), () =>
    call.answered
      ? queryTimedOut(deadline.budgetMs)
      : databaseUnavailable(`Neo4j did not answer within the ${deadline.budgetMs} ms a request may take`),
  ).catch((error: unknown) => {
    throw translate(error, deadline);
  });
}

/**
 * The result's records, collected as they arrive: the first answer from the database (the
 * query's keys) marks the call as answered, and the request's answers are counted against
 * MAX_ANSWER_VALUES, so an answer too big to build fails as soon as it passes the cap instead
 * of after every record has been decoded and completed.
 */
function collect(result: Result, call: Call, state: RequestState): Promise<QueryResult> {
  return new Promise((resolve, reject) => {
    const records: Neo4jRecord[] = [];
    let refused = false;
    result.subscribe({
      onKeys: () => {
        call.answered = true;
      },
      onNext: (record) => {
        if (refused) return;
        state.values += valuesIn(record);
        if (state.values <= MAX_ANSWER_VALUES) return void records.push(record);
        refused = true;
        reject(answerTooLarge());
        // Not public API: asks the server to stop streaming (DISCARD) instead of decoding the rest.
        (result as { _cancel?: () => void })._cancel?.();
      },
      onCompleted: (summary) => resolve({ records, summary }),
      // Rejected as our own error, which the driver does not retry: a retry would run out of memory again.
      onError: (error) => reject(isDatabaseOutOfMemory(error) ? answerTooBigForDatabase() : error),
    });
  });
}

/** A transaction whose results are collected by `collect` when awaited (as @neo4j/graphql does). */
function watchedTransaction(tx: ManagedTransaction, call: Call, state: RequestState): ManagedTransaction {
  return forward(tx, {
    run: (...args: Parameters<ManagedTransaction["run"]>) => {
      const result = tx.run(...args);
      let collected: Promise<QueryResult> | undefined;
      const collecting = () => (collected ??= collect(result, call, state));
      return forward(result, {
        then: (...handlers: Parameters<Promise<QueryResult>["then"]>) => collecting().then(...handlers),
        catch: (...handlers: Parameters<Promise<QueryResult>["catch"]>) => collecting().catch(...handlers),
        finally: (...handlers: Parameters<Promise<QueryResult>["finally"]>) =>
          collecting().finally(...handlers),
      });
    },
  });
}

type TxConfig = Parameters<Session["executeRead"]>[1];

function deadlineSession(session: Session, state: RequestState): Session {
  const { deadline } = state;
  const managed =
    (method: "executeRead" | "executeWrite") =>
    <T>(work: (tx: ManagedTransaction) => Promise<T> | T, config?: TxConfig) => {
      const call: Call = { answered: false };
      return bounded(deadline, call, () =>
        session[method](
          (tx) => {
            // A retry (after a transient failure) never starts once the request is out of time.
            transactionTimeout(deadline, undefined);
            return work(watchedTransaction(tx, call, state));
          },
          { ...config, timeout: transactionTimeout(deadline, config?.timeout) },
        ),
      );
    };
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

const FETCH_SIZE = 50;

type QueryConfig = Parameters<Driver["executeQuery"]>[2];

/**
 * `executeQuery` as a managed transaction of a deadline session, so the traversals' and write
 * checks' queries are bounded, classified and counted like @neo4j/graphql's. Only the default
 * (eager) result: a custom resultTransformer goes to the driver's own, bounded by the deadline.
 */
async function executeQuery(
  driver: Driver,
  state: RequestState,
  query: string,
  parameters: unknown,
  config: QueryConfig,
) {
  const session = deadlineSession(
    driver.session({
      ...(config?.database ? { database: config.database } : {}),
      ...(config?.impersonatedUser ? { impersonatedUser: config.impersonatedUser } : {}),
      bookmarkManager:
        config?.bookmarkManager === undefined
          ? driver.executeQueryBookmarkManager
          : (config.bookmarkManager ?? undefined),
      defaultAccessMode: config?.routing === neo4j.routing.READ ? neo4j.session.READ : neo4j.session.WRITE,
    }),
    state,
  );
  try {
    const method = config?.routing === neo4j.routing.READ ? "executeRead" : "executeWrite";
    const { records, summary } = await session[method](
      (tx) => tx.run(query, parameters as Record<string, unknown>) as unknown as Promise<QueryResult>,
      config?.transactionConfig,
    );
    return new EagerResult((records[0]?.keys ?? []).map(String), records, summary);
  } finally {
    await session.close();
  }
}

/**
 * The request's view of the driver, bounded by its deadline: every transaction gets the time
 * left (minus the enforcement reserve) as its timeout; whatever the database has not answered by
 * the deadline fails then, as TIMEOUT when the database had accepted the query and
 * DATABASE_UNAVAILABLE (503 with Retry-After) when it had not (a frozen or silent server, a
 * connection never acquired), so the request answers within QUERY_TIMEOUT_MS; and the request's
 * answers together hold at most MAX_ANSWER_VALUES values.
 */
export function deadlineDriver(driver: Driver, deadline: RequestDeadline): Driver {
  const state: RequestState = { deadline, values: 0 };
  return forward(driver, {
    session: (config?: Parameters<Driver["session"]>[0]) =>
      deadlineSession(driver.session({ fetchSize: FETCH_SIZE, ...config }), state),
    executeQuery: (...[query, parameters, config]: Parameters<Driver["executeQuery"]>) =>
      config?.resultTransformer
        ? bounded(deadline, { answered: false }, () =>
            driver.executeQuery(query, parameters, {
              ...config,
              transactionConfig: {
                ...config.transactionConfig,
                timeout: transactionTimeout(deadline, config.transactionConfig?.timeout),
              },
            }),
          )
        : executeQuery(driver, state, String(query), parameters, config),
  });
}
