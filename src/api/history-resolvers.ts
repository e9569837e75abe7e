import type { IResolvers } from "@graphql-tools/utils";
import { ErrorCode, GovernanceError } from "../errors/index.ts";
import { entityHistory, partnershipChanges } from "../history/index.ts";
import { asOfDate, isOfficerOf } from "../traversals/index.ts";
import type { ApiContext } from "./context.ts";
import { viewerOf } from "./viewer.ts";

const MAX_LIMIT = 1000;
const MAX_ENTITIES = 5000;

/** History is for officers: an anonymous caller is told to sign in, not handed an empty list. */
function officer(context: ApiContext) {
  const viewer = viewerOf(context.jwt);
  if (viewer.officerOf !== "all" && viewer.officerOf.length === 0)
    throw new GovernanceError(
      context.jwt ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED,
      "The history of changes is for officers of the partnership: sign in with an officer's token.",
    );
  return viewer;
}

function limitOf(limit: number | null | undefined, fallback: number): number {
  const value = limit ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT)
    throw new GovernanceError(ErrorCode.LIMIT_EXCEEDED, `limit must be 1 to ${MAX_LIMIT}; got ${value}.`, {
      argument: "limit",
    });
  return value;
}

/** Resolvers of schema/history.graphql. */
export const historyResolvers: IResolvers<unknown, ApiContext> = {
  Query: {
    history: (_, args: { id: string; limit?: number | null }, context) =>
      entityHistory(context.read, officer(context), args.id, limitOf(args.limit, 100)),
    changes: (
      _,
      args: {
        partnershipId: string;
        since: unknown;
        until?: unknown;
        entityIds?: string[] | null;
        limit?: number | null;
      },
      context,
    ) => {
      const viewer = officer(context);
      if (!isOfficerOf(viewer, args.partnershipId))
        throw new GovernanceError(
          ErrorCode.FORBIDDEN,
          `The changes of ${args.partnershipId} are for its officers; your token names ${[...viewer.officerOf].join(", ")}.`,
        );
      if (args.entityIds && args.entityIds.length > MAX_ENTITIES)
        throw new GovernanceError(
          ErrorCode.LIMIT_EXCEEDED,
          `entityIds takes at most ${MAX_ENTITIES} ids; got ${args.entityIds.length}. Ask in parts, or leave it out for all the partnership's changes.`,
          { argument: "entityIds" },
        );
      return partnershipChanges(context.read, viewer, {
        partnershipId: args.partnershipId,
        since: asOfDate(args.since),
        until: args.until === undefined || args.until === null ? undefined : asOfDate(args.until),
        entityIds: args.entityIds ?? undefined,
        limit: limitOf(args.limit, 500),
      });
    },
  },
};
