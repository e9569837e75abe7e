import type { ApiContext } from "../../src/api/index.ts";
import { ANONYMOUS, buildScope, governanceHealth, isTopKind } from "../../src/traversals/index.ts";
import { today } from "../../src/text/index.ts";
import { entities, pathNodeOf, validAt, type Entity } from "./fetch.ts";

type Finding = { rule: string; severity: string; subject: ReturnType<typeof pathNodeOf>; message: string };
const label = (s: Entity): string =>
  `${s.ref != null ? `${String(s.ref)} ` : ""}"${String(s.title ?? s.name)}"`;

/**
 * governanceHealth the common way: list each kind of subject of the partnership (one round trip),
 * then check each subject with its own round trip(s). Same rules and messages as
 * src/traversals/governance-health.ts; its sorting is reused by handing it the findings.
 */
export async function naiveHealth(context: ApiContext, args: Record<string, unknown>): Promise<unknown> {
  const read = context.read;
  const asOf = (args.asOf as string | undefined) ?? today();
  const threshold = Number(args.leadThreshold ?? 8);
  const scope = "WHERE $partnershipId IS NULL OR x.partnershipId = $partnershipId";
  const scoped = (label_: string) =>
    entities(read, `MATCH (x:${label_}) ${scope}`, { partnershipId: args.partnershipId ?? null });
  const findings: Finding[] = [];
  const find = (rule: string, severity: string, subject: Entity, message: string): void =>
    void findings.push({ rule, severity, subject: pathNodeOf(subject), message });

  // Objectives: who feeds each (one round trip per objective), then "fed" bottom-up in memory.
  const objectives = await scoped("Objective");
  const feeders = new Map<string, { id: string; label: string; relationship: string }[]>();
  for (const o of objectives)
    feeders.set(
      o.id,
      (await read(
        "MATCH (:Objective {id: $id})<-[r:CONTRIBUTES_TO|PART_OF]-(x) RETURN x.id AS id, head(labels(x)) AS label, type(r) AS relationship",
        {
          id: o.id,
        },
      )) as never,
    );
  const fed = (id: string, depth: number): boolean =>
    depth > 0 && (feeders.get(id) ?? []).some((f) => f.label === "Action" || fed(f.id, depth - 1));
  for (const o of objectives)
    if (!fed(o.id, 10))
      find("OBJECTIVE_WITHOUT_ACTION", "WARNING", o, `Objective ${label(o)} has no action feeding it.`);
  for (const o of objectives.filter((x) => x.kind === "PRIORITY")) {
    const hasPlan =
      (feeders.get(o.id) ?? []).some((f) => f.label === "Action" && f.relationship === "CONTRIBUTES_TO") ||
      (
        await read("MATCH (:Objective {id: $id})<-[:MEASURES]-(i:Indicator) RETURN i.id AS id LIMIT 1", {
          id: o.id,
        })
      ).length > 0;
    if (!hasPlan) continue;
    const roles = new Set(
      (await read("MATCH (:Objective {id: $id})-[r:LED_BY]->() RETURN r.role AS role", { id: o.id })).map(
        (r) => r.role,
      ),
    );
    if (!roles.has("STRATEGIC_LEAD"))
      find(
        "PRIORITY_WITHOUT_STRATEGIC_LEAD",
        "ERROR",
        o,
        `${String(o.ref ?? "Priority")} "${String(o.title)}" has no strategic lead.`,
      );
    if (!roles.has("LEAD_AGENCY"))
      find(
        "PRIORITY_WITHOUT_LEAD_AGENCY",
        "ERROR",
        o,
        `${String(o.ref ?? "Priority")} "${String(o.title)}" has no lead agency.`,
      );
  }

  // Actions: leads and progress, one round trip each.
  for (const a of await scoped("Action")) {
    if (
      !(await read("MATCH (:Action {id: $id})-[:LED_BY]->(x) RETURN x.id AS id LIMIT 1", { id: a.id })).length
    ) {
      if (a.kind === "ACTION" || a.kind === "MEETING_ACTION")
        find("ACTION_WITHOUT_LEAD", "ERROR", a, `Action ${label(a)} has no lead.`);
      if (a.kind === "COMMITMENT" || a.kind === "COMMUNICATION")
        find("COMMITMENT_WITHOUT_LEAD", "INFO", a, `Commitment ${label(a)} names no lead.`);
    }
    if (
      a.dueDate != null &&
      String(a.dueDate) < asOf &&
      !["COMPLETE", "CANCELLED"].includes(String(a.status ?? ""))
    )
      find(
        "ACTION_OVERDUE",
        "WARNING",
        a,
        `Action ${label(a)} was due ${String(a.dueDate)}${a.dueText != null ? ` ("${String(a.dueText)}")` : ""} and is not recorded as complete.`,
      );
    if (
      a.kind === "ACTION" &&
      !(await read("MATCH (:Action {id: $id})-[:HAS_UPDATE]->(x) RETURN x.id AS id LIMIT 1", { id: a.id }))
        .length
    )
      find("ACTION_WITHOUT_PROGRESS", "INFO", a, `Action ${label(a)} has no progress update.`);
  }

  // Indicators: their measurements, one round trip each.
  for (const i of await scoped("Indicator")) {
    const measurements = await read(
      "MATCH (:Indicator {id: $id})-[:HAS_MEASUREMENT]->(m) RETURN m.target AS target, m.targetText AS targetText",
      { id: i.id },
    );
    if (!measurements.length)
      find(
        "INDICATOR_WITHOUT_MEASUREMENT",
        "WARNING",
        i,
        `Indicator "${String(i.name)}" has no measurement.`,
      );
    else if (measurements.every((m) => m.target == null && m.targetText == null))
      find("INDICATOR_WITHOUT_TARGET", "WARNING", i, `Indicator "${String(i.name)}" has no target.`);
  }

  // Bodies: their outgoing lines, one round trip each; the top, routes and cycles walked in memory.
  const bodies = await scoped("Body");
  const lines = new Map<string, { to: string; type: string; valid: boolean; toValid: boolean }[]>();
  for (const b of bodies)
    lines.set(
      b.id,
      (
        await read(
          "MATCH (:Body {id: $id})-[r:ACCOUNTABLE_TO|PROVIDES_UPDATES_TO]->(x:Body) RETURN x.id AS to, type(r) AS type, properties(r) AS r, properties(x) AS x",
          { id: b.id },
        )
      ).map((l) => ({
        to: String(l.to),
        type: String(l.type),
        valid: validAt(l.r as Record<string, unknown>, asOf),
        toValid: validAt(l.x as Record<string, unknown>, asOf),
      })),
    );
  const up = (id: string, types: string[]) =>
    (lines.get(id) ?? []).filter((l) => l.valid && types.includes(l.type)).map((l) => l.to);
  const reaches = (id: string, depth: number, types: string[], goal: (to: string) => boolean): boolean =>
    depth > 0 && up(id, types).some((to) => goal(to) || reaches(to, depth - 1, types, goal));
  // The top (src/traversals/top.ts): no valid line up inside the partnership, the most bodies under it.
  const own = new Map(bodies.filter((b) => validAt(b, asOf)).map((b) => [b.id, b]));
  const under = (id: string) =>
    bodies.filter((b) => reaches(b.id, 10, ["ACCOUNTABLE_TO"], (to) => to === id)).length;
  const top = [...own.values()]
    .filter(
      (b) =>
        !(lines.get(b.id) ?? []).some(
          (l) => l.valid && l.toValid && l.type === "ACCOUNTABLE_TO" && own.has(l.to),
        ),
    )
    .map((b) => ({ b, under: under(b.id), board: isTopKind(String(b.kind)) ? 0 : 1 }))
    .sort((x, y) => y.under - x.under || x.board - y.board || x.b.id.localeCompare(y.b.id))[0]?.b;
  const heads = new Set<string>();
  if (top) {
    const walk = (id: string): void => {
      if (heads.has(id)) return;
      heads.add(id);
      up(id, ["ACCOUNTABLE_TO", "PROVIDES_UPDATES_TO"]).forEach(walk);
    };
    walk(top.id);
  }
  for (const b of bodies) {
    if (
      validAt(b, asOf) &&
      !isTopKind(String(b.kind)) &&
      !heads.has(b.id) &&
      !reaches(b.id, 10, ["ACCOUNTABLE_TO", "PROVIDES_UPDATES_TO"], (to) => heads.has(to))
    )
      find(
        "BODY_WITHOUT_ROUTE_TO_BOARD",
        "ERROR",
        b,
        `${String(b.name)} has no route to ${top ? `the top of the structure (${String(top.name)})` : "a top body"} (no ACCOUNTABLE_TO or PROVIDES_UPDATES_TO line valid at ${asOf}).`,
      );
    if (reaches(b.id, 10, ["ACCOUNTABLE_TO"], (to) => to === b.id))
      find("ACCOUNTABILITY_CYCLE", "ERROR", b, `${String(b.name)} is on a cycle of accountability.`);
  }

  // People: how many actions each leads, one round trip each.
  for (const p of await scoped("Person")) {
    const [row] = await read("MATCH (:Person {id: $id})<-[:LED_BY]-(a:Action) RETURN count(a) AS led", {
      id: p.id,
    });
    const led = Number(row?.led ?? 0);
    if (led > threshold)
      find(
        "PERSON_OVERLOADED",
        "WARNING",
        p,
        `${String(p.name)} leads ${led} actions (threshold ${threshold}).`,
      );
  }

  // Strategies past their end: is anything superseding them? One round trip each.
  for (const s of await scoped("Strategy"))
    if (
      s.periodEnd != null &&
      String(s.periodEnd) < asOf &&
      !(
        await read("MATCH (:Strategy {id: $id})<-[:SUPERSEDES]-(x:Strategy) RETURN x.id AS id LIMIT 1", {
          id: s.id,
        })
      ).length
    )
      find(
        "STRATEGY_EXPIRED_WITHOUT_SUCCESSOR",
        "WARNING",
        s,
        `Strategy "${String(s.title)}" ended ${String(s.periodEnd)} and nothing supersedes it.`,
      );

  const healthScope = buildScope({ partnershipId: String(args.partnershipId), asOf, viewer: ANONYMOUS });
  return governanceHealth(
    async () => findings as never,
    { ...healthScope, partnershipId: String(args.partnershipId) },
    threshold,
  );
}
