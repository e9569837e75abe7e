import { describe, expect, it } from "vitest";
import { pickLead, type LeadCandidate } from "../../../src/import/index.ts";

const person = (id: string, name: string, extra: Partial<LeadCandidate> = {}): LeadCandidate => ({
  id,
  label: "Person",
  name,
  aliases: [],
  honorific: null,
  partnershipId: "partnership:a",
  ...extra,
});
const gary = person("person:gary-randall", "Gary Randall", { honorific: "DCI" });
const andy = person("person:andy-mariner", "Andy Mariner", { honorific: "Chief Inspector" });
const manju = person("person:manju-likhman", "Manju Likhman", { aliases: ["Manju Lukhman"] });
const steve = person("person:steve-leader", "Steve Leader");
const sam = person("person:sam-leader", "Sam Leader");
const everyone = [gary, andy, manju, steve, sam];

const pick = (name: string) => {
  const r = pickLead(name, everyone);
  return r.kind === "match" ? r.lead.id : r.kind === "ambiguous" ? r.candidates.map((c) => c.id) : "unknown";
};

describe("which lead a name means (the search's spellings and closeness)", () => {
  it.each([
    ["Gary Randall", "person:gary-randall"],
    ["gary  randall", "person:gary-randall"],
    ["DCI Gary Randall", "person:gary-randall"],
    ["DCI Randall", "person:gary-randall"],
    ["CI Mariner", "person:andy-mariner"],
    ["Chief Inspector Andy Mariner", "person:andy-mariner"],
    ["Manju Lukhman", "person:manju-likhman"],
    ["Steve Leader", "person:steve-leader"],
    ["Leader", ["person:steve-leader", "person:sam-leader"]],
    ["Kiran Patel", "unknown"],
    ["DCI", "unknown"],
  ])("%s -> %j", (name, expected) => expect(pick(name)).toEqual(expected));
});
