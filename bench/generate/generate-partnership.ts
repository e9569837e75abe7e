import type { SeedGraph } from "../../src/seed/index.ts";
import type { PartnershipContext } from "./context.ts";
import { GraphBuilder } from "./graph-builder.ts";
import { addMeetings } from "./meetings.ts";
import { addPlans } from "./plans.ts";
import { createRandom, deriveSeed } from "./prng.ts";
import { addBodies, addMemberships, addOrganisations, addPapers, addPeople } from "./structure.ts";
import { PLACE_ENDINGS, PLACE_STEMS, THEMES } from "./vocabulary.ts";

/** The seed of the committed benchmark results; change it and every figure changes. */
export const DEFAULT_SEED = 20_260_101;

/** Ids the benchmark scenarios ask about, known by construction. */
export interface Landmarks {
  partnershipId: string;
  /** The statutory board (root of the diagram, of bodiesReportingTo). */
  boardId: string;
  /** The top of the structure: the district board above the CSP board, or the CSP board. */
  topId: string;
  /** The main strategy (the whole strategy tree). */
  strategyId: string;
  /** Its first priority (actionsFeeding). */
  priorityId: string;
  /** An action-plan action with a lead (accountabilityChain). */
  actionId: string;
  /** The community safety manager, who leads, chairs and sits on much (responsibilities). */
  personId: string;
  /** A search that matches many names in every partnership. */
  searchText: string;
}

export interface GeneratedPartnership {
  graph: SeedGraph;
  landmarks: Landmarks;
}

/** "p007": partnership 7's slug. Ids and names depend on the index only, never on how many are generated. */
export const partnershipSlug = (index: number): string => `p${String(index).padStart(3, "0")}`;

/** A place name unique to the index (320 combinations, then numbered). */
export function areaName(index: number): string {
  const stem = PLACE_STEMS[index % PLACE_STEMS.length]!;
  const ending = PLACE_ENDINGS[Math.floor(index / PLACE_STEMS.length) % PLACE_ENDINGS.length]!;
  const round = Math.floor(index / (PLACE_STEMS.length * PLACE_ENDINGS.length));
  return `${stem}${ending}${round ? ` ${round + 1}` : ""}`;
}

/**
 * One community safety partnership shaped like the Barnet sample (or, one in three, with a
 * district board above its CSP, like Lichfield), referring to the shared national agencies of
 * generateShared (about 1,300 nodes and 3,000
 * relationships with provenance), drawn from a PRNG seeded by (seed, index): partnership k is
 * the same whether 1 or 300 are generated, which is what lets the benchmark compare scales.
 * @example const { graph, landmarks } = generatePartnership(0); graph.nodes.size; // ~1300
 */
export function generatePartnership(index: number, seed = DEFAULT_SEED): GeneratedPartnership {
  const random = createRandom(deriveSeed(seed, index));
  const slug = partnershipSlug(index);
  const partnershipId = `partnership:${slug}`;
  const area = areaName(index);
  const builder = new GraphBuilder(partnershipId);
  // Partnerships differ in size (0.75x to 1.25x) and in which priorities they chose.
  const scale = 0.75 + random.next() * 0.5;
  const themes = random.sample(THEMES, random.int(5, 8));
  const papers = Object.fromEntries(
    ["strategy", "vawg", "planA", "planB", "board1", "board2", "board3"].map((key) => [
      key,
      `doc:${slug}:${key.toLowerCase()}`,
    ]),
  );
  const context: PartnershipContext = {
    random,
    builder,
    slug,
    area,
    themes,
    // Every third partnership has a district board above its CSP (Lichfield's shape).
    shape: index % 3 === 1 ? "district" : "board",
    papers: papers as PartnershipContext["papers"],
    people: [],
    organisations: { bySlug: new Map(), all: [] },
    bodies: { board: "", committee: "", workingGroup: "", themeGroups: [], all: [] },
  };
  builder.node("Partnership", partnershipId, {
    name: `${area} Community Safety Partnership`,
    aliases: [`${area} CSP`],
    area: `${area} district`,
    mission: `Keep ${area} safe: fewer victims, fewer offenders, confident communities.`,
  });
  addPapers(context);
  builder.graph.nodes
    .get(partnershipId)!
    .evidence.push({ document: context.papers.strategy, locator: "Foreword", partnershipId });
  addOrganisations(context, scale);
  addPeople(context, scale);
  addBodies(context, scale);
  addMemberships(context);
  const plans = addPlans(context, scale);
  addMeetings(context);
  return {
    graph: builder.graph,
    landmarks: {
      partnershipId,
      boardId: context.bodies.board,
      topId: context.bodies.district ?? context.bodies.board,
      personId: context.people[1]!,
      searchText: themes[0]!.group.split(" ")[0]!.toLowerCase(),
      ...plans,
    },
  };
}
