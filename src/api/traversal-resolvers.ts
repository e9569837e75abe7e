import type { IResolvers } from "@graphql-tools/utils";
import {
  accountabilityChain,
  actionsFeeding,
  bodiesReportingTo,
  connection,
  governanceDiagram,
  governanceHealth,
  graphStats,
  responsibilities,
  search,
  type FeedingActionRow,
  type ReportingBodyRow,
} from "../traversals/index.js";
import type { ApiContext } from "./context.js";
import { hydrate } from "./hydrate.js";
import { viewerOf } from "./viewer.js";

type Args = Record<string, unknown>;

/** Resolvers of schema/traversals.graphql: arguments in, traversal out, entities hydrated per request. */
export const traversalResolvers: IResolvers<unknown, ApiContext> = {
  Query: {
    actionsFeeding: (_, args: Args, context) =>
      actionsFeeding(context.read, String(args.objectiveId), (args.maxDepth as number | undefined) ?? 10),
    accountabilityChain: (_, args: Args, context) => accountabilityChain(context.read, String(args.id)),
    bodiesReportingTo: (_, args: Args, context) =>
      bodiesReportingTo(context.read, String(args.bodyId), (args.transitive as boolean | undefined) ?? true),
    responsibilities: (_, args: Args, context) =>
      responsibilities(context.read, String(args.personId), args.asOf as string | null),
    governanceDiagram: (_, args: Args, context) =>
      governanceDiagram(context.read, {
        rootBodyId: args.rootBodyId as string | null,
        asOf: args.asOf as string | null,
        partnershipId: args.partnershipId as string | null,
      }),
    governanceHealth: (_, args: Args, context) =>
      governanceHealth(context.read, {
        partnershipId: args.partnershipId as string | null,
        asOf: args.asOf as string | null,
        leadThreshold: args.leadThreshold as number | null,
      }),
    search: (_, args: Args, context) =>
      search(
        context.read,
        viewerOf(context.jwt),
        String(args.text),
        (args.limit as number | undefined) ?? 20,
      ),
    connection: (_, args: Args, context) =>
      connection(
        context.read,
        viewerOf(context.jwt),
        String(args.fromId),
        String(args.toId),
        (args.maxHops as number | undefined) ?? 6,
      ),
    graphStats: (_, args: Args, context) =>
      graphStats(context.read, viewerOf(context.jwt), args.partnershipId as string | null),
  },
  FeedingAction: {
    action: (row: FeedingActionRow, _args, context, info) => hydrate(context, info, row.actionId),
  },
  ReportingBody: {
    body: (row: ReportingBodyRow, _args, context, info) => hydrate(context, info, row.bodyId),
  },
  Action: {
    accountabilityChain: (action: { id: string }, _args, context) =>
      context.loaders.accountability.load(action.id),
  },
  Objective: {
    accountabilityChain: (objective: { id: string }, _args, context) =>
      context.loaders.accountability.load(objective.id),
  },
};
