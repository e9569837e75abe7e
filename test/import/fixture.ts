import type { Driver } from "neo4j-driver";
import { DATABASE, isolatedPartnership } from "../support/database.ts";
import { loadFixture } from "../support/seed-fixture.ts";
import { plan2013, plan2022, type SamplePlan } from "./sample-plans.ts";

const yamlList = (items: readonly string[]): string => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;

/**
 * Two partnerships of the test's own, of different shapes, beside the sample's Barnet:
 * A keeps the 2013/14 plan's strategy (priorities 1-8) and its eight lead officers (copied from
 * Barnet's registry under A's own ids) plus a second "Leader"; B keeps the 2022-23 plan's five
 * themes under an action plan, has a Richard Bell of its own (as Barnet does) and one action.
 */
export async function loadImportFixture(driver: Driver) {
  const a = isolatedPartnership(driver);
  const b = isolatedPartnership(driver);
  const p2013 = plan2013();
  const p2022 = plan2022();
  const person = (slug: string, owner: { slug: string }) => `person:${owner.slug}-${slug}`;
  const ids = {
    a: {
      strategy: `strategy:${a.slug}-scs`,
      objective: (n: number) => `objective:${a.slug}:priority-${n}`,
      person: (slug: string) => person(slug, a),
      samLeader: person("sam-leader", a),
    },
    b: {
      strategy: `strategy:${b.slug}-plan`,
      objective: (n: number) => `objective:${b.slug}:theme-${n}`,
      person: (slug: string) => person(slug, b),
      action: `action:${b.slug}:own`,
    },
  };
  const people = (plan: SamplePlan, owner: typeof a) =>
    plan.people
      .map(
        (p) => `
  - Person: ${person(p.slug, owner)}
    at: registry
    name: ${p.name}${p.honorific ? `\n    honorific: ${p.honorific}` : ""}${p.aliases ? `\n    aliases: ${yamlList(p.aliases)}` : ""}`,
      )
      .join("");
  await loadFixture(driver, {
    "a.yaml": `
partnership: ${a.partnershipId}
document: { id: doc:${a.slug}:strategy, title: Safer Communities Strategy ${a.slug}, kind: STRATEGY }
entries:
  - Partnership: ${a.partnershipId}
    at: cover
    name: Partnership A ${a.slug}
  - Strategy: ${ids.a.strategy}
    at: cover
    title: Safer Communities Strategy ${a.slug}
    kind: STRATEGY
${p2013.priorities
  .map(
    (p) => `  - Objective: ${ids.a.objective(p.n)}
    at: priorities, ${p.ref}
    ref: ${p.ref}
    title: ${JSON.stringify(p.title)}
    kind: PRIORITY
    PART_OF: ${ids.a.strategy}
`,
  )
  .join("")}${people(p2013, a)}
  - Person: ${ids.a.samLeader}
    at: registry
    name: Sam Leader
`,
    "b.yaml": `
partnership: ${b.partnershipId}
document: { id: doc:${b.slug}:plan, title: Action plan ${b.slug}, kind: ACTION_PLAN }
entries:
  - Partnership: ${b.partnershipId}
    at: cover
    name: Partnership B ${b.slug}
  - Strategy: ${ids.b.strategy}
    at: cover
    title: Action plan ${b.slug}
    kind: ACTION_PLAN
${p2022.priorities
  .map(
    (p) => `  - Objective: ${ids.b.objective(p.n)}
    at: themes, ${p.ref}
    ref: Theme ${p.n}
    title: ${JSON.stringify(p.title)}
    kind: THEME
    PART_OF: ${ids.b.strategy}
`,
  )
  .join("")}
  - Person: ${ids.b.person("richard-bell")}
    at: registry
    name: Richard Bell
  - Person: ${ids.b.person("kiran-patel")}
    at: registry
    name: Kiran Patel
  - Action: ${ids.b.action}
    at: plan row 1
    ref: "9.9"
    title: B's own action
    kind: ACTION
    CONTRIBUTES_TO: ${ids.b.objective(1)}
`,
  });
  return {
    a,
    b,
    ids,
    plans: { p2013, p2022 },
    async cleanup() {
      await a.cleanup();
      await b.cleanup();
    },
  };
}

/** How many nodes (and relationships from them) a partnership owns: proof that a failed import wrote nothing. */
export async function footprint(
  driver: Driver,
  partnershipId: string,
): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    `MATCH (n {partnershipId: $partnershipId})
     RETURN count(n) AS nodes, sum(COUNT { (n)-[]->() }) AS relationships`,
    { partnershipId },
    { database: DATABASE },
  );
  return { nodes: Number(records[0]!.get("nodes")), relationships: Number(records[0]!.get("relationships")) };
}
