import { MapperKind, mapSchema } from "@graphql-tools/utils";
import {
  defaultFieldResolver,
  execute,
  getNamedType,
  isObjectType,
  parse,
  type GraphQLFieldConfig,
  type GraphQLSchema,
} from "graphql";
import { ErrorCode, GovernanceError } from "../errors/index.ts";
import { restrictions } from "../schema-model/index.ts";
import type { ApiContext } from "./context.ts";
import { badInput, newNodesOf, type NewNode } from "./write-checks.ts";

const UNAUTHENTICATED_WRITE = (): GovernanceError =>
  new GovernanceError(
    ErrorCode.UNAUTHENTICATED,
    "Writes need an editor's token of the partnership: send Authorization: Bearer <token>.",
  );

/** Ids must be new: twice in one request, or already in the database, is an error naming the path. */
async function checkUnique(nodes: NewNode[], context: ApiContext): Promise<void> {
  const seen = new Map<string, NewNode>();
  for (const node of nodes) {
    const earlier = seen.get(node.id);
    if (earlier)
      throw badInput(
        `${node.path}.id`,
        `the request creates id "${node.id}" twice (also at ${earlier.path}.id). Give each new node its own id.`,
      );
    seen.set(node.id, node);
  }
  const byLabel = new Map<string, string[]>();
  for (const node of nodes) byLabel.set(node.label, [...(byLabel.get(node.label) ?? []), node.id]);
  for (const [label, ids] of byLabel) {
    const { records } = await context.driver.executeQuery(
      `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, n.partnershipId AS owner`,
      { ids },
      { database: context.database, routing: "READ" },
    );
    const existing = records[0];
    if (existing) {
      const id = String(existing.get("id"));
      const mine = context.jwt?.partnerships.includes(String(existing.get("owner")));
      throw new GovernanceError(
        ErrorCode.BAD_USER_INPUT,
        `${seen.get(id)?.path}.id: a ${label} with id "${id}" already exists${mine ? "" : " and belongs to another partnership"}. Choose another id${mine ? ", or change the existing one with the update mutation" : ", or connect the shared entity"}.`,
        { field: "id", ids: [id] },
      );
    }
  }
}

/** A paper still cited by some node is not deleted (the node would lose its provenance). */
async function checkUncited(where: unknown, context: ApiContext, schema: GraphQLSchema): Promise<void> {
  const result = await execute({
    schema,
    document: parse("query($where: DocumentWhere) { documents(where: $where, limit: 1000) { id } }"),
    variableValues: { where },
    contextValue: context,
  });
  if (result.errors?.length) throw result.errors[0];
  const ids = ((result.data?.documents ?? []) as { id: string }[]).map((d) => d.id);
  const { records } = await context.driver.executeQuery(
    "MATCH (d:Document)<-[:EVIDENCED_BY]-(n) WHERE d.id IN $ids RETURN d.id AS id, count(n) AS citing LIMIT 1",
    { ids },
    { database: context.database, routing: "READ" },
  );
  const cited = records[0];
  if (cited)
    throw badInput(
      "where",
      `the paper "${String(cited.get("id"))}" is cited by ${String(cited.get("citing"))} node(s). Connect them to another paper first, or delete them with it.`,
    );
}

/** The label a generated update mutation changes: updateBodies -> Body (the type of its response's list). */
function updatedLabel(field: GraphQLFieldConfig<unknown, ApiContext>): string | undefined {
  const response = getNamedType(field.type);
  if (!isObjectType(response)) return undefined;
  return Object.values(response.getFields())
    .map((f) => getNamedType(f.type).name)
    .find((name) => name !== "UpdateInfo" && name !== "CreateInfo");
}

/**
 * An update that sets restricted fields only (a private note, contact details) runs in one
 * transaction with a step that puts back each node's `updatedAt`: the public must not learn from
 * a timestamp that something private changed.
 */
async function keepingPublicTimestamp(
  label: string,
  root: string,
  args: Record<string, unknown>,
  context: ApiContext,
  info: Parameters<NonNullable<GraphQLFieldConfig<unknown, ApiContext>["resolve"]>>[3],
  run: (context: ApiContext) => unknown,
): Promise<unknown> {
  const session = context.driver.session({ database: context.database });
  // An explicit transaction: the library runs the update in it, and does not commit it.
  const tx = session.beginTransaction({ timeout: context.timeoutMs });
  try {
    const scoped: ApiContext = { ...context, executionContext: tx };
    const matched = await execute({
      schema: info.schema,
      document: parse(`query($where: ${label}Where) { items: ${root}(where: $where, limit: 1000) { id } }`),
      variableValues: { where: args.where },
      contextValue: scoped,
    });
    if (matched.errors?.length) throw matched.errors[0];
    const ids = ((matched.data?.items ?? []) as { id: string }[]).map((item) => item.id);
    const before = await tx.run(
      `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, n.updatedAt AS updatedAt`,
      { ids },
    );
    const result = await run(scoped);
    await tx.run(`UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n.updatedAt = row.updatedAt`, {
      rows: before.records.map((r) => ({
        id: r.get("id") as string,
        updatedAt: r.get("updatedAt") as unknown,
      })),
    });
    await tx.commit();
    return result;
  } catch (error) {
    if (tx.isOpen()) await tx.rollback();
    throw error;
  } finally {
    await session.close();
  }
}

/**
 * Wraps every generated mutation: an anonymous caller hears "sign in" first (the library's own
 * error is a 500); then every node the input would create, at any depth, is checked like a seed
 * entry (id form and uniqueness, partnership, provenance), provenance is removed only with its
 * node, and a cited paper is not deleted. The database constraint still guards races.
 */
export function validateWrites(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (field: GraphQLFieldConfig<unknown, ApiContext>, fieldName) => {
      const resolve = field.resolve ?? defaultFieldResolver;
      const definitions = Object.entries(field.args ?? {}).map(([name, arg]) => ({ ...arg, name }));
      return {
        ...field,
        async resolve(source, args: Record<string, unknown>, context: ApiContext, info) {
          if (!context.jwt) throw UNAUTHENTICATED_WRITE();
          const nodes = newNodesOf(args, definitions as never);
          await checkUnique(nodes, context);
          if (fieldName === "deleteDocuments") await checkUncited(args.where, context, info.schema);
          const label = fieldName.startsWith("update") ? updatedLabel(field) : undefined;
          const restricted = new Set(label ? restrictions().fields.get(label) : []);
          const keys = Object.keys((args.update as Record<string, unknown> | undefined) ?? {});
          if (label && keys.length && keys.every((key) => restricted.has(key))) {
            const root = fieldName.slice("update".length).replace(/^./, (c) => c.toLowerCase());
            return keepingPublicTimestamp(label, root, args, context, info, (scoped) =>
              resolve(source, args, scoped, info),
            );
          }
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
