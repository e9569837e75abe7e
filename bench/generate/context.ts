import type { Citation } from "../../src/seed/index.ts";
import type { GraphBuilder } from "./graph-builder.ts";
import type { Random } from "./prng.ts";
import type { Theme } from "./vocabulary.ts";

/** The source papers every partnership has; facts cite them by key. */
export type Paper = "strategy" | "vawg" | "planA" | "planB" | "board1" | "board2" | "board3";

/** What the parts of one partnership's generation share. */
export interface PartnershipContext {
  random: Random;
  builder: GraphBuilder;
  slug: string;
  area: string;
  /** Themes this partnership has chosen as priorities, in priority order. */
  themes: Theme[];
  papers: Record<Paper, string>;
  /** Person ids; people[0] chairs the board, people[1] is the community safety manager (busy on purpose). */
  people: string[];
  /** Organisation ids by agency slug, plus `all` in creation order. */
  organisations: { bySlug: Map<string, string>; all: string[] };
  /**
   * How the top is shaped: `board` (the CSP board is the top, as in Barnet) or `district` (a
   * local strategic partnership's board above the CSP board, with a group of its own on it).
   */
  shape: "board" | "district";
  /** Body ids: the board, its committee, one delivery group per theme (same order as themes), all bodies; the district board when there is one. */
  bodies: {
    board: string;
    committee: string;
    workingGroup: string;
    themeGroups: string[];
    all: string[];
    district?: string;
  };
}

/** Evidence citing a paper of this partnership. */
export const cite = (context: PartnershipContext, paper: Paper, locator: string): Citation => ({
  document: context.papers[paper],
  locator,
});

/** `<prefix>:<slug>:<rest>`: every id carries its partnership's slug, so partnerships never collide. */
export const idOf = (context: PartnershipContext, prefix: string, rest: string): string =>
  `${prefix}:${context.slug}:${rest}`;

/** An ISO date between two years (inclusive), on a day every month has. */
export function dateBetween(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  return `${year}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
}
