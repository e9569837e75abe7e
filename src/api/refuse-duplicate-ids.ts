import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from "graphql";
import { ErrorCode, GovernanceError } from "../errors/index.js";
import type { ApiContext } from "./context.js";

/**
 * Wraps every generated `create*` mutation: ids that already exist are refused up front with a
 * message naming them (the database constraint still guards races, but its error names nothing).
 */
export function refuseDuplicateIds(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (field, fieldName) => {
      if (!fieldName.startsWith("create")) return field;
      const response = getNamedType(field.type);
      const label = isObjectType(response)
        ? Object.values(response.getFields()).map((f) => getNamedType(f.type).name).find((name) => name !== "CreateInfo")
        : undefined;
      if (!label) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        async resolve(source, args: { input?: { id?: unknown }[] }, context: ApiContext, info) {
          const ids = (args.input ?? []).map((item) => item.id).filter((id): id is string => typeof id === "string");
          const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
          if (repeated.length) throw new GovernanceError(ErrorCode.BAD_USER_INPUT, `The input lists id "${repeated[0]}" twice. Give each new ${label} its own id.`, { field: "id" });
          if (ids.length) {
            const { records } = await context.driver.executeQuery(`MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id`, { ids }, { database: context.database, routing: "READ" });
            const existing = records.map((r) => String(r.get("id")));
            if (existing.length)
              throw new GovernanceError(
                ErrorCode.BAD_USER_INPUT,
                `A ${label} with id "${existing[0]}" already exists. Choose another id, or change the existing one with the update mutation.`,
                { field: "id", ids: existing },
              );
          }
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
