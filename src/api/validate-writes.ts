import { MapperKind, mapSchema } from "@graphql-tools/utils";
import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLFieldConfig,
  type GraphQLSchema,
} from "graphql";
import { ErrorCode, GovernanceError } from "../errors/index.js";
import { idProblem } from "../schema-model/index.js";
import type { ApiContext } from "./context.js";

interface CreateInput {
  id?: unknown;
  partnershipId?: unknown;
  evidencedBy?: { connect?: unknown[]; create?: unknown[] };
}

const invalid = (message: string, field: string): GovernanceError =>
  new GovernanceError(ErrorCode.BAD_USER_INPUT, message, { field });

/** The checks a seed file gets, for a new node sent through a create mutation. */
function checkNewNode(label: string, input: CreateInput, index: number): void {
  const where = `input[${index}]`;
  const idError = idProblem(label, input.id);
  if (idError) throw invalid(`${where}.id: ${idError}`, "id");
  if (typeof input.partnershipId !== "string" || !input.partnershipId.startsWith("partnership:"))
    throw invalid(
      `${where}.partnershipId: expected a partnership id such as partnership:barnet, found ${JSON.stringify(input.partnershipId)}.`,
      "partnershipId",
    );
  const sources = (input.evidencedBy?.connect?.length ?? 0) + (input.evidencedBy?.create?.length ?? 0);
  if (label !== "Document" && sources === 0)
    throw invalid(
      `${where}.evidencedBy: a new ${label} must name the paper it comes from. Add evidencedBy: { connect: [{ where: { node: { id: { eq: "doc:..." } } }, edge: { locator: "section or item" } }] }.`,
      "evidencedBy",
    );
}

const UNAUTHENTICATED_WRITE = (): GovernanceError =>
  new GovernanceError(
    ErrorCode.UNAUTHENTICATED,
    "Writes need an editor's token of the partnership: send Authorization: Bearer <token>.",
  );

/** Every write says "sign in" to an anonymous caller before anything else (the library's own error is a 500). */
function signInFirst(
  field: GraphQLFieldConfig<unknown, ApiContext>,
): GraphQLFieldConfig<unknown, ApiContext> {
  const resolve = field.resolve ?? defaultFieldResolver;
  return {
    ...field,
    resolve(source, args, context: ApiContext, info) {
      if (!context.jwt) throw UNAUTHENTICATED_WRITE();
      return resolve(source, args, context, info);
    },
  };
}

/**
 * Wraps every generated `create*` mutation: ids are checked for form and uniqueness up front
 * (the database constraint still guards races, but its error names nothing), and each new node
 * must cite its source paper, as seed files must.
 */
export function validateWrites(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (field, fieldName) => {
      if (!fieldName.startsWith("create")) return signInFirst(field);
      const response = getNamedType(field.type);
      const label = isObjectType(response)
        ? Object.values(response.getFields())
            .map((f) => getNamedType(f.type).name)
            .find((name) => name !== "CreateInfo")
        : undefined;
      if (!label) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        async resolve(source, args: { input?: CreateInput[] }, context: ApiContext, info) {
          // Say "sign in" before saying anything about the input.
          if (!context.jwt) throw UNAUTHENTICATED_WRITE();
          const inputs = args.input ?? [];
          inputs.forEach((input, index) => checkNewNode(label, input, index));
          const ids = inputs.map((input) => input.id as string);
          const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
          if (repeated)
            throw invalid(`The input lists id "${repeated}" twice. Give each new ${label} its own id.`, "id");
          const { records } = await context.driver.executeQuery(
            `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id`,
            { ids },
            { database: context.database, routing: "READ" },
          );
          const existing = records.map((r) => String(r.get("id")));
          if (existing.length)
            throw new GovernanceError(
              ErrorCode.BAD_USER_INPUT,
              `A ${label} with id "${existing[0]}" already exists. Choose another id, or change the existing one with the update mutation.`,
              { field: "id", ids: existing },
            );
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
