import type { IResolvers } from "@graphql-tools/utils";
import type { Resolvers } from "../../generated/resolvers.ts";
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
  settlePartnership,
} from "../traversals/index.ts";
import type { ApiContext } from "./context.ts";
import { loadedOrHydrated, entityAsked } from "./hydrate.ts";

/**
 * Resolvers of schema/traversals.graphql, typed from codegen (generated/resolvers.ts): arguments
 * in, one Scope built from them (context.scope), the traversal out, entities answered from the
 * traversal's own row or hydrated per request when the selection asks for more.
 */
const resolvers: Resolvers<ApiContext> = {
  Query: {
    actionsFeeding: (_, args, context, info) =>
      actionsFeeding(
        context.read,
        context.scope(args),
        args.objectiveId,
        args.maxDepth,
        entityAsked(info, "action"),
      ),
    accountabilityChain: (_, args, context) =>
      accountabilityChain(context.read, context.scope(args), args.id),
    bodiesReportingTo: (_, args, context, info) =>
      bodiesReportingTo(
        context.read,
        context.scope(args),
        args.bodyId,
        args.transitive,
        entityAsked(info, "body"),
      ),
    responsibilities: (_, args, context) =>
      responsibilities(context.read, context.scope(args), args.personId),
    governanceDiagram: (_, args, context) =>
      governanceDiagram(context.read, context.scope(args), args.rootBodyId),
    governanceHealth: (_, args, context) =>
      governanceHealth(context.read, context.scope(args), args.leadThreshold, args.forId),
    search: (_, args, context) => search(context.read, context.scope(args), args.text, args.limit),
    connection: (_, args, context) =>
      connection(context.read, context.scope(args), args.fromId, args.toId, args.maxHops),
    graphStats: async (_, args, context) =>
      graphStats(context.read, await settlePartnership(context.read, context.scope(args), "graphStats")),
  },
  FeedingAction: {
    action: (row, _args, context, info) => loadedOrHydrated(context, info, row.action),
  },
  ReportingBody: {
    body: (row, _args, context, info) => loadedOrHydrated(context, info, row.body),
  },
  Action: {
    // Each item is read in its own partnership; asOf is the field's own argument.
    accountabilityChain: (action, args, context) =>
      context.loaders.accountability(context.scope(args)).load(action.id),
  },
  Objective: {
    accountabilityChain: (objective, args, context) =>
      context.loaders.accountability(context.scope(args)).load(objective.id),
  },
};

export const traversalResolvers = resolvers as IResolvers<unknown, ApiContext>;
