import { SHARED } from "../schema-model/index.ts";
import { cellError, type CellError } from "./import-error.ts";
import type {
  ChangeNote,
  ImportTotals,
  LinkWrite,
  NodeWrite,
  PlannedWrites,
  RowOutcome,
  UnlinkWrite,
} from "./import-plan.ts";
import type { Mapping } from "./mapping.ts";
import type { ManagedLabel, PlanState } from "./plan-state.ts";
import type { ExistingNode } from "./read-plan-state.ts";
import type { LeadResolution } from "./resolve-leads.ts";
import { cellLocator, type CellRef } from "./sheet.ts";

export interface PlanContext {
  partnershipId: string;
  strategyId: string;
  /** The Document the file becomes: the `source` of every relationship written. */
  documentId: string;
  mapping: Mapping;
}

/** Two values are the same fact when equal after trimming (and line ends made \n); empty is null. */
export function same(before: unknown, after: unknown): boolean {
  const norm = (value: unknown): unknown =>
    value === undefined || value === ""
      ? null
      : typeof value === "string"
        ? value.replace(/\r\n?/g, "\n").trim() || null
        : value;
  return norm(before) === norm(after);
}

export const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** A key for matching refs, titles, names and periods as a person would: case and spacing ignored. */
export const matchKey = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The plan being built from a sheet's rows: what to write, what each row does, the bad cells.
 * Rows register what they create, so a later row finds an objective an earlier row made.
 */
export class PlanDraft {
  readonly errors: CellError[] = [];
  readonly notes = new Map<string, ChangeNote[]>();
  readonly lookups = new Set<string>();
  private readonly nodes = new Map<string, NodeWrite>();
  private readonly links: LinkWrite[] = [];
  private readonly unlinks: UnlinkWrite[] = [];
  /** Every entity the sheet states, and what became of it. */
  private readonly outcomes = new Map<string, { label: string; outcome: RowOutcome }>();

  readonly context: PlanContext;
  readonly state: PlanState;
  readonly leads: ReadonlyMap<string, LeadResolution>;
  private readonly existing: ReadonlyMap<string, ExistingNode>;

  constructor(
    context: PlanContext,
    state: PlanState,
    leads: ReadonlyMap<string, LeadResolution>,
    existing: ReadonlyMap<string, ExistingNode>,
  ) {
    this.context = context;
    this.state = state;
    this.leads = leads;
    this.existing = existing;
  }

  error(at: CellRef, found: string, expected: string, fix: string): undefined {
    this.errors.push(cellError(at, found, expected, fix));
    return undefined;
  }

  /** True when the plan may write this node of the state: it is the partnership's own (else a cell error). */
  owns(node: { id: string; partnershipId: string }, label: string, at: CellRef, found: string): boolean {
    if (node.partnershipId === this.context.partnershipId) return true;
    this.error(
      at,
      found,
      `a ${label} of ${this.context.partnershipId}; ${node.id} is ${node.partnershipId === SHARED ? "shared" : `${node.partnershipId}'s`}, and an import writes only its partnership's own nodes (docs/tenancy.md).`,
      `leave this row out of ${this.context.partnershipId}'s sheet, or import it as ${node.partnershipId}'s editor.`,
    );
    return false;
  }

  /**
   * True when `id`, which the state does not hold, is free for a new node; an id taken elsewhere
   * in the graph (another partnership's, or a node outside this plan) is a cell error.
   */
  free(id: string, label: string, at: CellRef, found: string): boolean {
    this.lookups.add(id);
    const node = this.existing.get(id);
    if (!node || this.nodes.get(id)?.create) return true;
    if (node.partnershipId !== this.context.partnershipId)
      this.error(
        at,
        found,
        `an id free for a new ${label}; ${id} is already ${node.partnershipId === SHARED ? "a shared" : `${node.partnershipId}'s`} ${node.label}, and an import never writes another partnership's node (docs/tenancy.md).`,
        "choose another ref (or Id) for this row.",
      );
    else
      this.error(
        at,
        found,
        `an id free for a new ${label}; ${id} is already a ${node.label} of ${node.partnershipId} outside the plan of ${this.context.strategyId}.`,
        `choose another ref (or Id), or link ${id} to an objective of ${this.context.strategyId} first.`,
      );
    return false;
  }

  private note(subject: string, note: ChangeNote): void {
    const list = this.notes.get(subject) ?? [];
    list.push(note);
    this.notes.set(subject, list);
  }

  private mark(label: string, id: string, outcome: RowOutcome): void {
    const current = this.outcomes.get(id)?.outcome;
    if (current === "created" || (current === "changed" && outcome === "unchanged")) return;
    this.outcomes.set(id, { label, outcome });
  }

  isCreated = (id: string): boolean => this.nodes.get(id)?.create === true;

  /** Plans a new node; `subject` is the row's subject, whose notes it joins. */
  create(
    label: ManagedLabel,
    id: string,
    props: Record<string, unknown>,
    locator: string,
    subject = id,
  ): void {
    const defined = Object.fromEntries(
      Object.entries(props).filter(([, v]) => v !== undefined && v !== null),
    );
    this.nodes.set(id, { label, id, create: true, props: defined, locator });
    this.mark(label, id, "created");
    this.note(subject, { kind: "created", label, id });
  }

  /** Compares each given value with the node's and plans the ones that differ. True when any does. */
  update(
    label: ManagedLabel,
    node: { id: string } & Record<string, unknown>,
    values: Record<string, unknown>,
    locator: string,
    subject = node.id,
  ): boolean {
    const planned = this.nodes.get(node.id);
    let changed = false;
    for (const [field, after] of Object.entries(values)) {
      if (after === undefined) continue;
      const before = planned && field in planned.props ? planned.props[field] : node[field];
      if (same(before, after)) continue;
      changed = true;
      if (planned?.create) planned.props[field] = after;
      else {
        const write = planned ?? { label, id: node.id, create: false, props: {}, locator };
        write.props[field] = after;
        this.nodes.set(node.id, write);
      }
      this.note(subject, {
        kind: "changed",
        label,
        id: node.id,
        field,
        before: asText(before),
        after: asText(after),
      });
    }
    this.mark(label, node.id, changed ? "changed" : "unchanged");
    return changed;
  }

  /** Records that the sheet states a node (left alone unless something else changes it). */
  stated(label: string, id: string): void {
    this.mark(label, id, "unchanged");
  }

  /**
   * Plans a relationship. It changes its start node (a new lead, a new objective fed) unless it
   * only attaches a node being created (`ofNew`: a new progress update or reading).
   */
  link(
    link: Omit<LinkWrite, "props">,
    props: Record<string, unknown>,
    at: CellRef,
    subject: string,
    name: string,
    ofNew = false,
  ): void {
    const twin = this.links.some(
      (l) => l.type === link.type && l.from === link.from && l.to === link.to && l.props.role === props.role,
    );
    if (twin) return;
    this.links.push({
      ...link,
      props: { ...props, source: this.context.documentId, locator: cellLocator(at) },
    });
    // Attaching a new node is part of creating it, which its own note says.
    if (ofNew) return;
    if (!this.isCreated(link.from)) this.mark(link.fromLabel, link.from, "changed");
    this.note(subject, {
      kind: "linked",
      label: link.fromLabel,
      id: link.from,
      field: link.type,
      after: name,
    });
  }

  unlink(unlink: UnlinkWrite, subject: string, name: string): void {
    this.unlinks.push(unlink);
    this.mark(unlink.fromLabel, unlink.from, "changed");
    this.note(subject, {
      kind: "unlinked",
      label: unlink.fromLabel,
      id: unlink.from,
      field: unlink.type,
      before: name,
    });
  }

  writes(): PlannedWrites {
    return { nodes: [...this.nodes.values()], links: this.links, unlinks: this.unlinks };
  }

  totals(): ImportTotals {
    const byLabel = new Map<string, { label: string; created: number; changed: number; unchanged: number }>();
    for (const { label, outcome } of this.outcomes.values()) {
      const entry = byLabel.get(label) ?? { label, created: 0, changed: 0, unchanged: 0 };
      entry[outcome]++;
      byLabel.set(label, entry);
    }
    const list = [...byLabel.values()].sort((a, b) => a.label.localeCompare(b.label));
    const sum = (key: "created" | "changed" | "unchanged"): number => list.reduce((n, e) => n + e[key], 0);
    return { created: sum("created"), changed: sum("changed"), unchanged: sum("unchanged"), byLabel: list };
  }
}
