import { parse, type EnumTypeDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { buildDomainModel, readTypeDefs } from "../../src/schema-model/index.ts";
import { RULES, TOP_KINDS } from "../../src/traversals/index.ts";

// The traversal results' enums (schema/traversals.graphql) must cover what the traversals return,
// or a new value in the model would fail at serialization instead of here.
const typeDefs = readTypeDefs();
const enums = new Map(
  parse(typeDefs)
    .definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === "EnumTypeDefinition")
    .map((d) => [d.name.value, (d.values ?? []).map((v) => v.name.value)]),
);
const values = (name: string): string[] => enums.get(name) ?? [];

describe("traversal result enums", () => {
  it("RelationshipType is every relationship type of the model", () => {
    const model = buildDomainModel(typeDefs);
    const types = new Set([...model.labels.values()].flatMap((l) => [...l.relationships.keys()]));
    expect([...values("RelationshipType")].sort()).toEqual([...types].sort());
  });

  it("AccountabilityRole holds every lead role and objective kind a chain step can carry", () => {
    const roles = values("AccountabilityRole");
    for (const value of [...values("LeadRole"), ...values("ObjectiveKind"), "CHAIR"])
      expect(roles).toContain(value);
  });

  it("HealthRule and Severity are the rules' own", () => {
    expect(values("HealthRule").sort()).toEqual(RULES.map((r) => r.rule).sort());
    expect(values("Severity").sort()).toEqual([...new Set(RULES.map((r) => r.severity))].sort());
  });

  it("TOP_KINDS are body kinds", () => {
    for (const kind of TOP_KINDS) expect(values("BodyKind")).toContain(kind);
  });
});
