import {
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from "graphql";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authorizedTypeDefs,
  buildSchema,
  refusals,
  RESTRICTED_NAMES,
  restrictedUses,
  type RunningServer,
} from "../../src/api/index.ts";
import {
  buildDomainModel,
  readTypeDefs,
  restrictableLabels,
  restrictedFieldNames,
  restrictions,
  restrictionsOf,
} from "../../src/schema-model/index.ts";
import { restrictedNode } from "../../src/traversals/index.ts";
import { graphql, startTestServer, tokenFor, type GraphQLResponse } from "../support/api.ts";
import { testDriver } from "../support/database.ts";
import { loadRestrictedFixture } from "./fixture.ts";

// Restricted data is marked once in the SDL (schema/restricted.graphql); every mark must be covered
// by every guard: the field rule, the request check on filters and sorts, the node filter and the
// traversals' Cypher. A field marked but missed anywhere fails here.

const typeDefs = readTypeDefs();
const marks = restrictions();
const MARKED = [...marks.fields].flatMap(([label, fields]) => fields.map((field) => [label, field] as const));

let driver: Driver;
let server: RunningServer;
let schema: GraphQLSchema;
let fixture: Awaited<ReturnType<typeof loadRestrictedFixture>>;
let tokens: { otherOfficer: string; editor: string; otherEditor: string };

beforeAll(async () => {
  driver = testDriver();
  [server, schema, fixture] = await Promise.all([
    startTestServer(driver),
    buildSchema(),
    loadRestrictedFixture(driver),
  ]);
  tokens = {
    otherOfficer: await tokenFor({ roles: ["officer"], partnerships: ["partnership:barnet"] }),
    editor: await tokenFor({ roles: ["editor"], partnerships: [fixture.partnershipId], sub: "jo.editor" }),
    otherEditor: await tokenFor({ roles: ["editor"], partnerships: ["partnership:barnet"] }),
  };
});
afterAll(async () => {
  await fixture.cleanup();
  await server.stop();
  await driver.close();
});

/** The generated root list query of a label (Person -> people). */
function rootOf(label: string): string {
  const field = Object.values(schema.getQueryType()!.getFields()).find((f) => {
    const type = isNonNullType(f.type) ? f.type.ofType : f.type;
    return isListType(type) && getNamedType(type).name === label && f.args.some((a) => a.name === "where");
  });
  if (!field) throw new Error(`no root list query for ${label}`);
  return field.name;
}

describe("the marks", () => {
  it("cover contact details, private notes, audit fields and the Part 2 nodes", () => {
    expect(marks.fields.get("Person")).toEqual(expect.arrayContaining(["email", "phone", "updatedBy"]));
    for (const label of ["Body", "Action", "Meeting"])
      expect(marks.fields.get(label)).toContain("privateNote");
    for (const label of buildDomainModel(typeDefs).labels.keys())
      expect(marks.fields.get(label)).toContain("updatedBy");
    expect(marks.flags.get("AgendaItem")).toBe("restricted");
    expect(marks.inherited.get("Decision")?.map((e) => e.field)).toEqual(["madeAt"]);
  });

  it("refuse marks that cannot work, naming the type and field", () => {
    expect(() => restrictionsOf(`type A @node { secret: String @restrictsNode }`)).toThrow(
      "A.secret: @restrictsNode needs a Boolean field",
    );
    expect(() =>
      restrictionsOf(
        `type A @node { b: [B!]! @relationship(type: "TO", direction: OUT) @inheritsRestriction } type B @node { id: ID! }`,
      ),
    ).toThrow("A.b: @inheritsRestriction leads to B, which has no @restrictsNode field");
  });

  it("derive the rules for a newly marked field without any other change", () => {
    const sdl = `type Widget @node { id: ID! partnershipId: ID! code: String @restricted }`;
    const derived = authorizedTypeDefs(sdl, buildDomainModel(sdl));
    expect(derived).toMatch(
      /code: String @authorization\(validate: \[\{where: \{OR: \[\{jwt: \{roles: \{includes: "admin"\}\}\}/,
    );
    expect(derived).not.toContain("@restricted");
    expect(restrictedFieldNames(restrictionsOf(sdl))).toEqual(new Set(["code"]));
  });
});

describe.each(MARKED.map(([label, field]) => [`${label}.${field}`, label, field] as const))(
  "every guard covers %s",
  (_name, label, field) => {
    it("the field carries the officer rule in the type definitions the library receives", () => {
      const derived = parse(authorizedTypeDefs(typeDefs, buildDomainModel(typeDefs)));
      const type = derived.definitions.find(
        (d): d is ObjectTypeDefinitionNode =>
          d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === label,
      );
      const directives = type?.fields
        ?.find((f) => f.name.value === field)
        ?.directives?.map((d) => d.name.value);
      expect(directives).toContain("authorization");
      expect(directives).not.toContain("restricted");
    });

    it("the request check knows it (select for anonymous, filter and sort for officers)", () => {
      expect(RESTRICTED_NAMES.has(field)).toBe(true);
      const root = rootOf(label);
      const selected = restrictedUses(parse(`{ ${root}(limit: 1) { ${field} } }`), {}, schema);
      expect(refusals(selected, "anonymous")).toHaveLength(1);
      const filtered = restrictedUses(
        parse(`{ ${root}(where: { ${field}: { eq: "x" } }) { id } }`),
        {},
        schema,
      );
      expect(refusals(filtered, "officer")).toHaveLength(1);
      const sorted = restrictedUses(parse(`{ ${root}(sort: [{ ${field}: ASC }]) { id } }`), {}, schema);
      expect(refusals(sorted, "officer")).toHaveLength(1);
    });

    it("the running API refuses it to anonymous callers and its filter to officers", async () => {
      const root = rootOf(label);
      const anonymous = await graphql(server.url, `{ ${root}(limit: 1) { ${field} } }`);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const officer = await graphql(
        server.url,
        `{ ${root}(where: { ${field}: { contains: "e" } }, limit: 1) { id } }`,
        {},
        tokens.otherOfficer,
      );
      expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  },
);

describe.each([...restrictableLabels()].map((label) => [label]))("restricted %s nodes", (label) => {
  it("have a public filter rule and a place in the traversals' visibility", () => {
    const derived = authorizedTypeDefs(typeDefs, buildDomainModel(typeDefs));
    expect(derived).toMatch(
      new RegExp(`extend type ${label} [^\\n]*filter: \\[\\{ requireAuthentication: false`),
    );
    expect(restrictedNode("n")).toContain(`n:${label} AND`);
  });
});

describe("writes of restricted fields", () => {
  it("an editor of the partnership may set contact details and private notes", async () => {
    const response = await graphql<{ updateBodies: { bodies: { privateNote: string }[] } }>(
      server.url,
      `mutation { updateBodies(where: { id: { eq: "${fixture.marker.bodyId}" } }, update: { privateNote: { set: "edited ${fixture.slug}" } }) { bodies { privateNote } } }`,
      {},
      tokens.editor,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.updateBodies.bodies[0]?.privateNote).toBe(`edited ${fixture.slug}`);
    const person = await graphql<{ updatePeople: { people: { email: string; phone: string }[] } }>(
      server.url,
      `mutation { updatePeople(where: { id: { eq: "${fixture.marker.personId}" } }, update: { email: { set: "new.${fixture.slug}@example.org" }, phone: { set: "020 1" } }) { people { email phone } } }`,
      {},
      tokens.editor,
    );
    expect(person.errors).toBeUndefined();
    expect(person.data?.updatePeople.people[0]).toEqual({
      email: `new.${fixture.slug}@example.org`,
      phone: "020 1",
    });
  });

  it("an editor of another partnership may not", async () => {
    const response = await graphql(
      server.url,
      `mutation { updateBodies(where: { id: { eq: "${fixture.marker.bodyId}" } }, update: { privateNote: { set: "hijack" } }) { bodies { id } } }`,
      {},
      tokens.otherEditor,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a restricted field in a filter of a write is still a filter (admins only)", async () => {
    const response = await graphql(
      server.url,
      `
        mutation {
          updateBodies(where: { privateNote: { contains: "e" } }, update: { quorum: { set: "3" } }) {
            bodies {
              id
            }
          }
        }
      `,
      {},
      tokens.editor,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("deeply nested arguments", () => {
  it("are refused with LIMIT_EXCEEDED naming the limit, in variables and inline", async () => {
    // Written as text: JSON.stringify itself would overflow the stack at this depth.
    const where = `${'{"AND":['.repeat(20_000)}{}${"]}".repeat(20_000)}`;
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query": "query($w: BodyWhere) { bodies(where: $w) { id } }", "variables": {"w": ${where}}}`,
    });
    expect(response.status).toBe(400);
    const variables = (await response.json()) as GraphQLResponse;
    expect(variables.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(variables.errors?.[0]?.message).toContain("maxInputDepth");
    let inline = `{ id: { eq: "x" } }`;
    for (let i = 0; i < 60; i++) inline = `{ AND: [${inline}] }`;
    const literal = await graphql(server.url, `{ bodies(where: ${inline}) { id } }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
  });
});
