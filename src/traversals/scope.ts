import neo4j, { isDate } from "neo4j-driver";
import { ErrorCode, GovernanceError, notFound } from "../errors/index.ts";
import { SHARED } from "../schema-model/index.ts";
import { isIsoDate, parseIsoDate, today, type IsoDate } from "../text/dates.ts";
import { dateText } from "./date-text.ts";
import { didYouMean } from "../text/index.ts";
import type { ReadQuery } from "./read-query.ts";
import { viewerParameters, type Viewer } from "./types.ts";

/**
 * What one question is about, built once by its resolver and passed to the traversal; the
 * traversal's Cypher reads only its parameters (scopeParameters). See docs/tenancy.md.
 */
export interface Scope {
  /**
   * The partnership whose own nodes (and shared ones) the traversal reads. Null only for a question
   * with a root id and no partnership named: the root's partnership is then the scope, read in the
   * traversal's own query (rootPartnership), so it costs no round trip of its own.
   */
  partnershipId: string | null;
  /** True when partnershipId is the question's own argument: a root of another partnership is then an error. */
  named: boolean;
  /** The calendar date the question is asked at (default: today, UTC). */
  asOf: IsoDate;
  /** Who asks: which restricted items they may see. */
  viewer: Viewer;
}

/** A Scope whose partnership is settled (questions with no root id). */
export type PartnershipScope = Scope & { partnershipId: string };

export interface ScopeInput {
  /** The question's `partnershipId` argument. */
  partnershipId?: string | null | undefined;
  /** The question's `asOf` argument: "YYYY-MM-DD" or a neo4j Date (the Date scalar's value). */
  asOf?: unknown;
  viewer: Viewer;
  /** The deployment's DEFAULT_PARTNERSHIP, used when the question names none. */
  defaultPartnership?: string | null | undefined;
}

/** The asOf of a question as a calendar date; today (UTC) when absent. */
export function asOfDate(value: unknown): IsoDate {
  if (value === undefined || value === null) return today();
  const text = isDate(value) ? dateText(value) : value;
  if (isIsoDate(text)) return text;
  throw new GovernanceError(
    ErrorCode.BAD_USER_INPUT,
    `asOf must be a calendar date written YYYY-MM-DD (e.g. "2016-01-29"); got ${JSON.stringify(String(text))}.`,
    { argument: "asOf" },
  );
}

/**
 * The scope of one question, from its arguments and the deployment's default partnership.
 * @example buildScope({ partnershipId: "partnership:barnet", asOf: "2016-01-29", viewer: ANONYMOUS })
 */
export function buildScope(input: ScopeInput & { partnershipId: string }): PartnershipScope;
export function buildScope(input: ScopeInput): Scope;
export function buildScope(input: ScopeInput): Scope {
  const named = Boolean(input.partnershipId);
  return {
    partnershipId: input.partnershipId || input.defaultPartnership || null,
    named,
    asOf: asOfDate(input.asOf),
    viewer: input.viewer,
  };
}

/** The Cypher parameters every scoped fragment reads: $partnershipId, $asOf (a Date), $officerAll, $officerOf. */
export function scopeParameters(scope: Scope): {
  partnershipId: string | null;
  asOf: InstanceType<typeof neo4j.types.Date>;
  officerAll: boolean;
  officerOf: readonly string[];
} {
  return {
    partnershipId: scope.partnershipId,
    asOf: dateParameter(scope.asOf),
    ...viewerParameters(scope.viewer),
  };
}

/** A Cypher Date parameter from a calendar date "YYYY-MM-DD" (checked by asOfDate or isIsoDate first). */
export function dateParameter(date: IsoDate): InstanceType<typeof neo4j.types.Date> {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new TypeError(`Not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return new neo4j.types.Date(parsed.year, parsed.month, parsed.day);
}

/**
 * Cypher: node `v` is in the scope's partnership or shared. An `IN` over two values, so the
 * planner seeks the partnershipId index (an `IS NULL OR` here would make it scan). `partnership`
 * is the expression naming the partnership: $partnershipId, or a variable bound by
 * rootPartnership in a traversal from a root.
 */
export const inScope = (v: string, partnership = "$partnershipId"): string =>
  `${v}.partnershipId IN [${partnership}, '${SHARED}']`;

/** Cypher: node `v` is the partnership's own (not shared): graphStats counts these. */
export const ownedBy = (v: string, partnership = "$partnershipId"): string =>
  `${v}.partnershipId = ${partnership}`;

/**
 * Cypher: the partnership a traversal from `root` reads: the root's own, or for a shared root
 * the one the scope names ($partnershipId, possibly null: see settleRoot).
 */
export const rootPartnership = (root: string): string =>
  `CASE ${root}.partnershipId WHEN '${SHARED}' THEN $partnershipId ELSE ${root}.partnershipId END`;

/** Every partnership loaded, by id (one small read; only when a question names none). */
export async function listPartnerships(read: ReadQuery): Promise<string[]> {
  const rows = await read(`MATCH (p:Partnership) WHERE p.id <> '${SHARED}' RETURN p.id AS id ORDER BY id`);
  return rows.map((row) => String(row.id));
}

const noPartnership = (partnerships: readonly string[], what: string): GovernanceError =>
  new GovernanceError(
    ErrorCode.BAD_USER_INPUT,
    partnerships.length
      ? `${what} names no partnership and ${partnerships.length} are loaded: pass partnershipId, one of ${partnerships
          .map((p) => `"${p}"`)
          .join(", ")} (or set DEFAULT_PARTNERSHIP for a deployment that serves one partnership).`
      : `${what} names no partnership and none is loaded: load one (npm run seed) first.`,
    { argument: "partnershipId", partnerships },
  );

/**
 * The scope of a question with no root id: its partnership named, the default, or the only one
 * loaded; otherwise BAD_USER_INPUT listing the partnerships. Never guessed.
 */
export async function settlePartnership(
  read: ReadQuery,
  scope: Scope,
  what = "This question",
): Promise<PartnershipScope> {
  if (scope.partnershipId) return scope as PartnershipScope;
  const partnerships = await listPartnerships(read);
  if (partnerships.length === 1) return { ...scope, partnershipId: partnerships[0]! };
  throw noPartnership(partnerships, what);
}

/**
 * After a traversal's query has read its root: the partnership the answer is for. A root of
 * another partnership than the one named is BAD_USER_INPUT; a shared root with no partnership
 * named is settled as a question without a root would be (the caller then runs again with it).
 */
export function checkRoot(scope: Scope, rootId: string, rootPartnershipId: string): string | null {
  if (rootPartnershipId === SHARED) return scope.partnershipId;
  if (scope.named && scope.partnershipId !== rootPartnershipId)
    throw new GovernanceError(
      ErrorCode.BAD_USER_INPUT,
      `"${rootId}" belongs to partnership "${rootPartnershipId}", not "${scope.partnershipId}": ask with partnershipId "${rootPartnershipId}", or leave partnershipId out.`,
      { argument: "partnershipId", id: rootId, partnershipId: rootPartnershipId },
    );
  return rootPartnershipId;
}

/**
 * Runs a traversal from the root `rootId` once and returns its row: a row without the root's
 * partnership (`rootPartnershipId`) is NOT_FOUND for `what`; only when the root is shared and no
 * partnership is named does it settle the partnership (the only one loaded, or BAD_USER_INPUT)
 * and run again.
 */
export async function fromRoot<Row extends { rootPartnershipId?: unknown }>(
  read: ReadQuery,
  scope: Scope,
  root: { id: string; what?: string },
  run: (scope: Scope) => Promise<Row | undefined>,
): Promise<Row & { partnershipId: string }> {
  const found = async (scope: Scope): Promise<Row> => {
    const row = await run(scope);
    if (!row?.rootPartnershipId) throw notFound(root.id, root.what);
    return row;
  };
  const first = await found(scope);
  const partnershipId = checkRoot(scope, root.id, String(first.rootPartnershipId));
  if (partnershipId) return { ...first, partnershipId };
  const settled = await settlePartnership(
    read,
    scope,
    `"${root.id}" is shared by partnerships, and the question`,
  );
  return { ...(await found(settled)), partnershipId: settled.partnershipId };
}

/** NOT_FOUND, with a did-you-mean, when a named partnership is not loaded (checked only on an empty answer). */
export async function assertPartnershipExists(read: ReadQuery, partnershipId: string): Promise<void> {
  const partnerships = await listPartnerships(read);
  if (partnershipId === SHARED || partnerships.includes(partnershipId)) return;
  throw new GovernanceError(
    ErrorCode.NOT_FOUND,
    `No partnership with id "${partnershipId}".${didYouMean(partnershipId, partnerships)} Loaded: ${partnerships.join(", ") || "none"}.`,
    { id: partnershipId },
  );
}
