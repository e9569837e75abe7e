import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
} from "graphql";
import { ErrorCode, GovernanceError } from "../errors/index.ts";
import { idProblem, LABELS } from "../schema-model/index.ts";

/** A node a write would create, wherever it sits in the input. */
export interface NewNode {
  label: string;
  id: string;
  /** Where it is in the arguments, e.g. input[0].members[0].create[1].node. */
  path: string;
}

const CREATE_INPUT = new Map(LABELS.map((label) => [`${label}CreateInput`, label]));
const DELETE_INPUT = /DeleteInput$/;
const UPDATE_INPUT = /UpdateInput$/;
/** The relationship that records where a node comes from; it goes only with its node. */
const PROVENANCE = "evidencedBy";

export const badInput = (path: string, message: string): GovernanceError =>
  new GovernanceError(ErrorCode.BAD_USER_INPUT, `${path}: ${message}`, { field: path });

function checkNewNode(label: string, node: Record<string, unknown>, path: string): NewNode {
  const idError = idProblem(label, node.id);
  if (idError) throw badInput(`${path}.id`, idError);
  if (
    typeof node.partnershipId !== "string" ||
    !/^partnership:[a-z0-9][a-z0-9._:-]*$|^shared$/.test(node.partnershipId)
  )
    throw badInput(
      `${path}.partnershipId`,
      `expected a partnership id such as partnership:barnet, found ${JSON.stringify(node.partnershipId)}.`,
    );
  const evidence = node[PROVENANCE] as { connect?: unknown[]; create?: unknown[] } | undefined;
  if (label !== "Document" && (evidence?.connect?.length ?? 0) + (evidence?.create?.length ?? 0) === 0)
    throw badInput(
      `${path}.${PROVENANCE}`,
      `a new ${label} must name the paper it comes from. Add evidencedBy: { connect: [{ where: { node: { id: { eq: "doc:..." } } }, edge: { locator: "section or item" } }] }.`,
    );
  return { label, id: node.id as string, path };
}

/**
 * Walks a mutation's arguments with their GraphQL types, at every depth: every node it would
 * create gets the checks a seed entry gets (id form, partnership, provenance), and provenance may
 * not be disconnected or deleted apart from its node. Returns the new nodes, for the uniqueness
 * check; throws BAD_USER_INPUT naming the path of the first problem.
 */
export function newNodesOf(
  args: Record<string, unknown>,
  definitions: readonly GraphQLArgument[],
): NewNode[] {
  const found: NewNode[] = [];
  const walk = (value: unknown, type: GraphQLInputType, path: string): void => {
    if (value === null || value === undefined) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, index) => walk(item, inner.ofType as GraphQLInputType, `${path}[${index}]`));
      return;
    }
    const named = getNamedType(inner);
    if (!isInputObjectType(named) || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const label = CREATE_INPUT.get(named.name);
    if (label) found.push(checkNewNode(label, record, path));
    const provenance = record[PROVENANCE];
    if (provenance && UPDATE_INPUT.test(named.name))
      for (const [index, change] of (Array.isArray(provenance) ? provenance : [provenance]).entries())
        for (const operation of ["disconnect", "delete"])
          if ((change as Record<string, unknown>)[operation])
            throw badInput(
              `${path}.${PROVENANCE}[${index}].${operation}`,
              "the papers a node comes from are removed only with the node. Connect the right paper instead, or delete the node.",
            );
    if (provenance && DELETE_INPUT.test(named.name))
      throw badInput(
        `${path}.${PROVENANCE}`,
        "a paper is deleted on its own (deleteDocuments), once nothing cites it, never along with a node that cites it.",
      );
    for (const [key, item] of Object.entries(record)) {
      const field = named.getFields()[key];
      if (field) walk(item, field.type, `${path}.${key}`);
    }
  };
  for (const definition of definitions) walk(args[definition.name], definition.type, definition.name);
  return found;
}
