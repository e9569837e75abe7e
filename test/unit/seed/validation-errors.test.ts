import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDomainModel, readTypeDefs } from "../../../src/schema-model/index.ts";
import {
  buildSeedGraph,
  formatIssue,
  readSeedFile,
  SeedValidationError,
  validateSeedDirectory,
  type SeedIssue,
} from "../../../src/seed/index.ts";
import { writeSeedDir } from "../../seed/seed-files.ts";

// Every kind of problem the validator reports, each from a small broken seed file written as a
// user would write it. The message must let the user fix the file without reading the code: it
// names the file, the entry and the field, says what was expected and what was found, and the fix.

const model = buildDomainModel(readTypeDefs());
const folders: { remove(): void }[] = [];
afterAll(() => folders.forEach((folder) => folder.remove()));

/** One entry: `entry("Person: person:p", "at: p1")` -> "  - Person: person:p\n    at: p1\n". */
const entry = (...lines: string[]): string => `  - ${lines.join("\n    ")}\n`;
/** A paper file with a document and the given entries. */
const list = (entries: string[]): string => (entries.length ? `\n${entries.join("")}` : " []\n");
const paper = (...entries: string[]): string =>
  `partnership: partnership:test\ndocument: { id: doc:t, title: T }\nentries:${list(entries)}`;
/** A registry file: no document, so each entry names its source. */
const registry = (...entries: string[]): string => `partnership: partnership:test\nentries:${list(entries)}`;
const board = entry("Body: body:b", "at: p1", "name: Board", "kind: STATUTORY_BOARD");
const org = entry("Organisation: org:o", "at: p1", "name: Org");

interface ErrorCase {
  kind: string;
  /** File name -> YAML; the issue is expected in `file` (default a.yaml). */
  files: Record<string, string>;
  file?: string;
  entry?: string;
  field?: string;
  /** What was expected and what was found, as the message says them. */
  message: RegExp;
  fix: RegExp;
}

const one = (
  kind: string,
  yaml: string,
  entryId: string | undefined,
  field: string | undefined,
  message: RegExp,
  fix: RegExp,
): ErrorCase => ({
  kind,
  files: { "a.yaml": yaml },
  ...(entryId ? { entry: entryId } : {}),
  ...(field ? { field } : {}),
  message,
  fix,
});

const CASES: ErrorCase[] = [
  one(
    "YAML syntax",
    "partnership: partnership:test\nentries: [\n",
    undefined,
    undefined,
    /is not valid YAML: .+/,
    /correct the YAML syntax there/,
  ),
  one(
    "file is not a mapping",
    "- Person: person:p\n",
    undefined,
    undefined,
    /expected a mapping with partnership, document \(optional\) and entries/,
    /seeds\/README.md/,
  ),
  one(
    "unknown top-level key",
    "partnership: partnership:test\ndocumnet: { id: doc:t }\nentries: []\n",
    undefined,
    "documnet",
    /is not a top-level key of a seed file/,
    /use partnership, document and entries\. Did you mean "document"\?/,
  ),
  one(
    "partnership missing",
    "entries: []\n",
    undefined,
    "partnership",
    /expected a partnership id such as partnership:barnet, or shared, found undefined/,
    /add `partnership: partnership:<slug>`/,
  ),
  one(
    "document id",
    "partnership: partnership:test\ndocument: { id: scpb-2016, title: T }\nentries: []\n",
    undefined,
    "document.id",
    /expected a document id such as doc:scpb-2016-01-29, found "scpb-2016"/,
    /give the document an id starting with doc:/,
  ),
  one(
    "unknown document property",
    "partnership: partnership:test\ndocument: { id: doc:t, title: T, tilte: U }\nentries: []\n",
    "doc:t",
    "document.tilte",
    /is not a property of Document/,
    /use one of .*title.*Did you mean "title"\?/,
  ),
  one(
    "entries not a list",
    "partnership: partnership:test\nentries: { Person: person:p }\n",
    undefined,
    "entries",
    /expected a list of entries, found \{"Person":"person:p"\}/,
    /add `entries:` with one `- Label: id` item per node/,
  ),
  one(
    "entry not a mapping",
    paper("  - person:p\n"),
    undefined,
    undefined,
    /entry 1 is not a mapping/,
    /start each entry with `- Label: id`/,
  ),
  one(
    "no label",
    paper(entry("Persn: person:p", "at: p1")),
    undefined,
    undefined,
    /entry 1 names no node label \(found Persn\)/,
    /start the entry with exactly one of .*Person.*Did you mean "Person"\?/,
  ),
  one(
    "two labels",
    paper(entry("Person: person:p", "Body: body:p", "at: p1")),
    undefined,
    undefined,
    /entry 1 names 2 labels \(Person, Body\)/,
    /start the entry with exactly one of/,
  ),
  one(
    "id without its prefix",
    paper(entry("Person: kiran", "at: p1", "name: Kiran")),
    "kiran",
    "Person",
    /expected an id like person:some-slug \(lower case, digits, - \. :\), found "kiran"/,
    /write the id as person:<slug>/,
  ),
  one(
    "missing at",
    paper(entry("Person: person:p", "name: Ann")),
    "person:p",
    "at",
    /is missing: every fact must say where in the paper it stands/,
    /add `at: <section, table, item or action number>`/,
  ),
  one(
    "registry entry without source",
    registry(entry("Person: person:p", "at: p1", "name: Ann")),
    "person:p",
    "source",
    /is missing: this file has no document, so the entry must name its source paper/,
    /add `source: doc:<paper id>`/,
  ),
  one(
    "source paper not defined",
    registry(entry("Person: person:p", "source: doc:nope", "at: p1", "name: Ann")),
    "person:p",
    "source",
    /refers to doc:nope, which no seed file defines/,
    /define it, or correct the id/,
  ),
  one(
    "unknown property",
    paper(entry("Person: person:p", "at: p1", "name: Ann", "honorfic: Cllr")),
    "person:p",
    "honorfic",
    /is not a property of Person/,
    /use one of name, aliases, honorific, .*Did you mean "honorific"\?/,
  ),
  one(
    "enum value",
    paper(entry("Body: body:b", "at: p1", "name: Board", "kind: BOARD")),
    "body:b",
    "kind",
    /expected one of MEMBERS_COMMITTEE, STATUTORY_BOARD, .*found string "BOARD"/,
    /use one of the BodyKind values/,
  ),
  one(
    "text expected",
    paper(entry("Person: person:p", "at: p1", "name: 1234")),
    "person:p",
    "name",
    /expected text, found number 1234/,
    /quote the value/,
  ),
  one(
    "whole number expected",
    paper(entry("Measurement: measurement:m", "at: p1", "period: '2016'", 'rank: "3"')),
    "measurement:m",
    "rank",
    /expected a whole number, found string "3"/,
    /write a whole number without quotes/,
  ),
  one(
    "number expected",
    paper(entry("Measurement: measurement:m", "at: p1", "period: '2016'", "value: 4,670")),
    "measurement:m",
    "value",
    /expected a number, found string "4,670"/,
    /write the number without quotes or %/,
  ),
  one(
    "true or false expected",
    paper(entry("AgendaItem: item:i", "at: p1", "title: DHR", "restricted: exempt")),
    "item:i",
    "restricted",
    /expected true or false, found string "exempt"/,
    /write true or false/,
  ),
  one(
    "date expected",
    paper(entry("Action: action:a", "at: p1", "title: Act", "kind: ACTION", "dueDate: Feb-14")),
    "action:a",
    "dueDate",
    /expected a date YYYY-MM-DD, found string "Feb-14"/,
    /write the normalised date as YYYY-MM-DD/,
  ),
  one(
    "impossible date",
    paper(entry("Action: action:a", "at: p1", "title: Act", "kind: ACTION", "dueDate: 2014-02-30")),
    "action:a",
    "dueDate",
    /expected a date YYYY-MM-DD, found string "2014-02-30"/,
    /YYYY-MM-DD/,
  ),
  one(
    "list expected",
    paper(entry("Person: person:p", "at: p1", "name: Ann", "aliases: Annie")),
    "person:p",
    "aliases",
    /expected a list, found string "Annie"/,
    /write \[a, b\] or one "- item" per line/,
  ),
  one(
    "list item type",
    paper(entry("Person: person:p", "at: p1", "name: Ann", "aliases: [Annie, 7]")),
    "person:p",
    "aliases",
    /list item: expected text, found number 7/,
    /quote the value/,
  ),
  one(
    "unknown relationship",
    paper(board, entry("Person: person:p", "at: p1", "name: Ann", "CHAIRS: body:b")),
    "person:p",
    "CHAIRS",
    /is not a relationship a Person can have/,
    /use one of .*MEMBER_OF/,
  ),
  one(
    "relationship target shape",
    paper(board, entry("Person: person:p", "at: p1", "name: Ann", "MEMBER_OF: { role: CHAIR }")),
    "person:p",
    "MEMBER_OF",
    /expected a target id or \{ to: id, \.\.\. \}, found \{"role":"CHAIR"\}/,
    /write the target's id, or a mapping with `to:`/,
  ),
  one(
    "unknown relationship property",
    paper(
      board,
      entry("Person: person:p", "at: p1", "name: Ann", "MEMBER_OF: { to: body:b, role: CHAIR, chair: true }"),
    ),
    "person:p",
    "MEMBER_OF.chair",
    /is not a property of MEMBER_OF/,
    /use one of role, representing, validFrom, validTo, plus to, at, source/,
  ),
  one(
    "relationship property value",
    paper(board, entry("Person: person:p", "at: p1", "name: Ann", "MEMBER_OF: { to: body:b, role: BOSS }")),
    "person:p",
    "MEMBER_OF.role",
    /expected one of CHAIR, VICE_CHAIR, MEMBER, SECRETARIAT, ADVISER, found string "BOSS"/,
    /use one of the MemberRole values/,
  ),
  one(
    "required relationship property",
    paper(board, entry("Person: person:p", "at: p1", "name: Ann", "MEMBER_OF: body:b")),
    "person:p",
    "MEMBER_OF.role",
    /is required on MEMBER_OF \(to body:b\)/,
    /add role: one of CHAIR, VICE_CHAIR, MEMBER, SECRETARIAT, ADVISER/,
  ),
  one(
    "undefined target",
    paper(
      board,
      entry("Person: person:p", "at: p1", "name: Ann", "MEMBER_OF: { to: body:bb, role: MEMBER }"),
    ),
    "person:p",
    "MEMBER_OF",
    /refers to body:bb, which no seed file defines/,
    /define it, or correct the id\. Did you mean "body:b"\?/,
  ),
  one(
    "target of the wrong kind",
    paper(board, org, entry("Person: person:p", "at: p1", "name: Ann", "WORKS_FOR: body:b")),
    "person:p",
    "WORKS_FOR",
    /WORKS_FOR must point to Organisation, but body:b is a Body/,
    /point it at a node of the right kind/,
  ),
  one(
    "required property missing",
    paper(entry("Body: body:b", "at: p1", "name: Board")),
    "body:b",
    "kind",
    /is required for a Body and no file gives it/,
    /add kind: to the entry in one of .*a\.yaml/,
  ),
  {
    kind: "two files disagree",
    files: {
      "a.yaml": paper(entry("Person: person:p", "at: p1", "name: Kiran Vagarwal")),
      "b.yaml": paper(entry("Person: person:p", "at: p2", "name: Kiran Vargwarl")),
    },
    file: "b.yaml",
    entry: "person:p",
    field: "name",
    message: /is "Kiran Vargwarl" here but "Kiran Vagarwal" where person:p is listed in .*a\.yaml:4/,
    fix: /make the two files agree, or leave the property out of one of them/,
  },
];

/** The partnership the cases' files name, defined as a user's partnership.yaml would. */
const PARTNERSHIP = `partnership: partnership:test
document: { id: doc:p, title: P }
entries:
  - Partnership: partnership:test
    at: Cover
    name: Test Partnership
`;

function issuesOf(files: Record<string, string>): { dir: string; issues: SeedIssue[] } {
  files = { "partnership.yaml": PARTNERSHIP, ...files };
  const dir = writeSeedDir(files);
  folders.push(dir);
  const seedFiles = Object.keys(files)
    .sort()
    .map((name) => readSeedFile(path.join(dir.path, name)));
  return { dir: dir.path, issues: buildSeedGraph(seedFiles, model).issues };
}

describe("seed validation errors name the file, entry, field, what was expected and found, and the fix", () => {
  it.each(CASES)("$kind", ({ files, file = "a.yaml", entry: entryId, field, message, fix }) => {
    const { dir, issues } = issuesOf(files);
    expect(issues, issues.map(formatIssue).join("\n")).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue.file).toBe(path.relative(process.cwd(), path.join(dir, file)));
    expect(issue.entry).toBe(entryId);
    expect(issue.field).toBe(field);
    expect(issue.message).toMatch(message);
    expect(issue.fix).toMatch(fix);
    // The one line the CLI prints carries all of it.
    const line = formatIssue(issue);
    expect(line).toContain(issue.file);
    if (entryId) expect(line).toContain(`entry ${entryId}`);
    if (field) expect(line).toContain(`field ${field}`);
    expect(line).toMatch(/ Fix: \S/);
  });

  it("gives the line of the entry, so an editor can jump to it", () => {
    const { issues } = issuesOf({ "a.yaml": paper(board, entry("Person: person:p", "at: p1", "nmae: Ann")) });
    expect(issues.map(formatIssue)).toEqual([
      expect.stringMatching(/a\.yaml:8, entry person:p, field nmae: is not a property of Person\./),
      expect.stringMatching(
        /a\.yaml:8, entry person:p, field name: is required for a Person and no file gives it\. Fix: add name: to the entry in one of .*a\.yaml:8\./,
      ),
    ]);
  });

  it("reports every problem of every file in one pass, not just the first", () => {
    const { issues } = issuesOf({
      "a.yaml": paper(
        entry("Person: person:p", "name: Ann"),
        entry("Body: body:b", "at: p1", "name: Board", "kind: BOARD"),
      ),
      "b.yaml": paper(entry("Person: person:q", "at: p1", "name: Bob", "WORKS_FOR: org:nope")),
    });
    expect(
      issues.map((issue) => `${path.basename(issue.file)} ${issue.entry} ${issue.field}`).sort(),
    ).toEqual(["a.yaml body:b kind", "a.yaml person:p at", "b.yaml person:q WORKS_FOR"]);
  });

  it("refuses the whole folder before anything is written, listing every problem", () => {
    const dir = writeSeedDir({
      "partnership.yaml": PARTNERSHIP,
      "papers/a.yaml": paper(entry("Person: person:p", "name: Ann")),
    });
    folders.push(dir);
    expect(() => validateSeedDirectory(dir.path, model)).toThrow(SeedValidationError);
    expect(() => validateSeedDirectory(dir.path, model)).toThrow(
      /1 problem\(s\) in the seed files; nothing was written:\n.*a\.yaml:4, entry person:p, field at: is missing/,
    );
  });

  it("refuses a folder with no seed files", () => {
    const dir = writeSeedDir({ "notes.txt": "not a seed file" });
    folders.push(dir);
    expect(() => validateSeedDirectory(dir.path, model)).toThrow(
      /has no \.yaml seed files\. Fix: point --dir at the seeds folder\./,
    );
  });
});
