/**
 * How each kind of body is drawn: the row it sits in, its shape and colours, and the legend's
 * words. One table, so the diagram, the SVG export, the legend and the list view agree.
 * Colours are the Okabe-Ito palette (safe for colour-blind readers), light fills with dark
 * borders so black text keeps a contrast ratio above 7:1.
 */

/** A cytoscape node shape that also has an SVG drawing in render/diagram-svg.ts. */
export type BodyShape =
  "rectangle" | "round-rectangle" | "cut-rectangle" | "barrel" | "round-octagon" | "bottom-round-rectangle";

export interface BodyKindStyle {
  kind: string;
  /** Singular, for a badge: "Strategy delivery group". */
  label: string;
  /** Plural, for the legend and the list view: "Strategy delivery groups". */
  plural: string;
  /** Lowest row (0 = top) a body of this kind may sit in. */
  row: number;
  shape: BodyShape;
  fill: string;
  border: string;
  borderWidth: number;
  borderStyle: "solid" | "dashed" | "double";
}

export const BODY_KINDS: readonly BodyKindStyle[] = [
  {
    kind: "MEMBERS_COMMITTEE",
    label: "Members committee",
    plural: "Members committees",
    row: 0,
    shape: "cut-rectangle",
    fill: "#f3e1ec",
    border: "#a0508a",
    borderWidth: 2,
    borderStyle: "solid",
  },
  {
    kind: "EXTERNAL_BOARD",
    label: "External board",
    plural: "External boards",
    row: 0,
    shape: "rectangle",
    fill: "#eeeeee",
    border: "#555555",
    borderWidth: 3,
    borderStyle: "double",
  },
  {
    kind: "STATUTORY_BOARD",
    label: "Statutory partnership board",
    plural: "Statutory partnership board",
    row: 1,
    shape: "rectangle",
    fill: "#d4e6f4",
    border: "#0072b2",
    borderWidth: 3,
    borderStyle: "solid",
  },
  {
    kind: "STRATEGY_DELIVERY_GROUP",
    label: "Strategy delivery group",
    plural: "Strategy delivery groups",
    row: 2,
    shape: "round-rectangle",
    fill: "#d6f0e6",
    border: "#00795a",
    borderWidth: 2,
    borderStyle: "solid",
  },
  {
    kind: "CASE_PANEL",
    label: "Multi-agency case panel",
    plural: "Multi-agency case panels",
    row: 3,
    shape: "round-octagon",
    fill: "#fbe9d0",
    border: "#b36b00",
    borderWidth: 2,
    borderStyle: "solid",
  },
  {
    kind: "COMMUNITY_ENGAGEMENT_GROUP",
    label: "Community engagement group",
    plural: "Community engagement groups",
    row: 4,
    shape: "barrel",
    fill: "#dcf0fb",
    border: "#2a7fb0",
    borderWidth: 2,
    borderStyle: "solid",
  },
  {
    kind: "OPERATIONAL_MEETING",
    label: "Operational meeting",
    plural: "Operational meetings",
    row: 5,
    shape: "bottom-round-rectangle",
    fill: "#fdf7cf",
    border: "#8a7a00",
    borderWidth: 2,
    borderStyle: "dashed",
  },
];

const FALLBACK: BodyKindStyle = {
  kind: "OTHER",
  label: "Body",
  plural: "Other bodies",
  row: 5,
  shape: "rectangle",
  fill: "#ffffff",
  border: "#555555",
  borderWidth: 1,
  borderStyle: "solid",
};

const BY_KIND = new Map(BODY_KINDS.map((style) => [style.kind, style]));

/**
 * The drawing of a kind; unknown kinds (a schema extended later) get a plain box, never an error.
 * @example kindStyle("CASE_PANEL").label // "Multi-agency case panel"
 */
export function kindStyle(kind: string): BodyKindStyle {
  return BY_KIND.get(kind) ?? { ...FALLBACK, kind };
}

/** How each kind of line is drawn and named in the legend. */
export const EDGE_KINDS = [
  { kind: "ACCOUNTABLE_TO", label: "Accountable to", lineStyle: "solid", colour: "#333333" },
  { kind: "PROVIDES_UPDATES_TO", label: "Provides updates to", lineStyle: "dashed", colour: "#555555" },
] as const;
