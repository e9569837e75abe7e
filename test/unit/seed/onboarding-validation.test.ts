import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runSeedNew, ScaffoldError } from "../../../src/cli/index.ts";
import { buildDomainModel, readTypeDefs } from "../../../src/schema-model/index.ts";
import {
  formatIssue,
  SeedValidationError,
  validateSeedDirectory,
  type SeedIssue,
} from "../../../src/seed/index.ts";
import { writeSeedDir } from "../../seed/seed-files.ts";

// What a new user meets first: a typo in the partnership, a YAML slip, a file saved as Latin-1, a
// reference into another partnership, and the scaffold of a new partnership's folder.

const model = buildDomainModel(readTypeDefs());
const folders: { remove(): void }[] = [];
afterAll(() => folders.forEach((folder) => folder.remove()));

const PARTNERSHIP = `partnership: partnership:barnet
document: { id: doc:p, title: Minutes }
entries:
  - Partnership: partnership:barnet
    at: Cover
    name: Barnet
  - Body: body:board
    at: Cover
    name: The Board
    kind: STATUTORY_BOARD
`;
const REGISTRY = `partnership: partnership:barnet
entries:
  - Person: person:kiran
    source: doc:p
    at: Attendance
    name: Kiran Vagarwal
`;
const PAPER = `partnership: partnership:barnet
document: { id: doc:q, title: Agenda pack }
entries:
  - Person: person:kiran
    at: Item 1
    MEMBER_OF: { to: body:board, role: MEMBER }
`;

/** Every issue validation reports for the files (relative path -> text or bytes). */
function issuesOf(files: Record<string, string | Uint8Array>): SeedIssue[] {
  const dir = writeSeedDir(files);
  folders.push(dir);
  try {
    validateSeedDirectory(dir.path, model);
    return [];
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    return [...error.issues];
  }
}
const lines = (issues: SeedIssue[]): string[] => issues.map(formatIssue);

it("the three files are valid as they are (so each case below fails for its own reason only)", () => {
  expect(
    issuesOf({ "partnership.yaml": PARTNERSHIP, "registry/people.yaml": REGISTRY, "papers/q.yaml": PAPER }),
  ).toEqual([]);
});

describe("a file naming a partnership no file defines", () => {
  it("is an error with a did-you-mean, not silently a new partnership", () => {
    const issues = issuesOf({
      "partnership.yaml": PARTNERSHIP,
      "registry/people.yaml": REGISTRY,
      "papers/q.yaml": PAPER.replace("partnership: partnership:barnet", "partnership: partnership:barnett"),
    });
    expect(lines(issues)).toEqual([
      expect.stringMatching(
        /papers\/q\.yaml, field partnership: names partnership:barnett, which no seed file defines \(defined: partnership:barnet\)\. Fix: .*Did you mean "partnership:barnet"\?/,
      ),
    ]);
  });
});

describe("a YAML syntax error", () => {
  it("names the file, line and column, and causes no knock-on errors in other files", () => {
    // The registry defines person:kiran's name and org:council: broken, the paper's mention of one
    // would lack its required name, its reference to the other be "undefined".
    const broken = `${REGISTRY.replace("    name: Kiran Vagarwal", "    name: [Kiran Vagarwal")}  - Organisation: org:council
    source: doc:p
    at: Members
    name: The Council
`;
    const paper = PAPER.replace("role: MEMBER }", "role: MEMBER }\n    WORKS_FOR: org:council");
    const issues = issuesOf({
      "partnership.yaml": PARTNERSHIP,
      "registry/people.yaml": broken,
      "papers/q.yaml": paper,
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 7, column: expect.any(Number) });
    expect(formatIssue(issues[0]!)).toMatch(
      /registry\/people\.yaml:7:\d+: is not valid YAML: .+ Fix: correct the YAML syntax there/,
    );
  });

  it("in partnership.yaml does not make every other file's partnership undefined", () => {
    const issues = issuesOf({
      "partnership.yaml": PARTNERSHIP.replace("    name: Barnet", "    name: Barnet: the borough"),
      "registry/people.yaml": REGISTRY,
      "papers/q.yaml": PAPER,
    });
    expect(lines(issues)).toEqual([expect.stringMatching(/^.*partnership\.yaml:6:\d+: is not valid YAML/)]);
  });

  it("still reports a reference the broken file cannot explain (its id is not in that file's text)", () => {
    const broken = REGISTRY.replace("    name: Kiran Vagarwal", "    name: [Kiran Vagarwal");
    const paper = PAPER.replace("role: MEMBER }", "role: MEMBER }\n    WORKS_FOR: org:council");
    const issues = issuesOf({
      "partnership.yaml": PARTNERSHIP,
      "registry/people.yaml": broken,
      "papers/q.yaml": paper,
    });
    expect(lines(issues)).toEqual([
      expect.stringMatching(/registry\/people\.yaml:7:\d+: is not valid YAML/),
      expect.stringMatching(
        /papers\/q\.yaml:4, entry person:kiran, field WORKS_FOR: refers to org:council, which no seed file defines\./,
      ),
    ]);
  });
});

describe("a file that is not UTF-8", () => {
  it("is refused with its line, instead of loading U+FFFD", () => {
    const latin1 = Buffer.from(REGISTRY.replace("Vagarwal", "V\u00e1garwal"), "latin1");
    const issues = issuesOf({
      "partnership.yaml": PARTNERSHIP,
      "registry/people.yaml": latin1,
      "papers/q.yaml": PAPER,
    });
    expect(lines(issues)).toEqual([
      expect.stringMatching(
        /registry\/people\.yaml:6: is not valid UTF-8 \(a \? marks each byte that is not\): "name: Kiran V\?garwal"\. Fix: save the file as UTF-8/,
      ),
    ]);
  });

  it("with a UTF-8 byte order mark is read as UTF-8", () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REGISTRY, "utf8")]);
    expect(
      issuesOf({ "partnership.yaml": PARTNERSHIP, "registry/people.yaml": bom, "papers/q.yaml": PAPER }),
    ).toEqual([]);
  });
});

describe("references across partnerships", () => {
  it("a file of one partnership may not refer to another partnership's node", () => {
    const other = `partnership: partnership:enfield
document: { id: doc:e, title: Enfield minutes }
entries:
  - Partnership: partnership:enfield
    at: Cover
    name: Enfield
  - Person: person:enfield-officer
    at: Attendance
    name: An Officer
    MEMBER_OF: { to: body:board, role: MEMBER }
`;
    const issues = issuesOf({ "barnet/partnership.yaml": PARTNERSHIP, "enfield/partnership.yaml": other });
    expect(lines(issues)).toEqual([
      expect.stringMatching(
        /enfield\/partnership\.yaml:7, entry person:enfield-officer, field MEMBER_OF: refers to body:board, which belongs to partnership:barnet .*; a file of partnership:enfield may refer only to its own and shared entities\. Fix: .*shared/,
      ),
    ]);
  });
});

describe("a file in another partnership's folder", () => {
  it("still saying its old partnership (copied from there) is an error naming both and the fix", () => {
    const enfield = `partnership: partnership:enfield
document: { id: doc:e, title: Enfield minutes }
entries:
  - Partnership: partnership:enfield
    at: Cover
    name: Enfield
`;
    const issues = issuesOf({
      "barnet/partnership.yaml": PARTNERSHIP,
      "barnet/registry/people.yaml": REGISTRY,
      "enfield/partnership.yaml": enfield,
      "enfield/papers/q.yaml": PAPER,
    });
    expect(lines(issues)).toEqual([
      expect.stringMatching(
        /enfield\/papers\/q\.yaml, field partnership: says partnership:barnet, but the file is in .*enfield\/, partnership:enfield's folder \(its partnership\.yaml\)\. Fix: move the file to partnership:barnet's folder, or write `partnership: partnership:enfield`/,
      ),
    ]);
  });
});

describe("npm run seed -- new <slug>", () => {
  const seedsCopy = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), "governance-graph-scaffold-"));
    folders.push({ remove: () => rmSync(dir, { recursive: true, force: true }) });
    return dir;
  };

  it("scaffolds a folder that validates as it is, beside another partnership", () => {
    const dir = writeSeedDir({ "barnet/partnership.yaml": PARTNERSHIP });
    folders.push(dir);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const folder = runSeedNew(
        { dir: dir.path, slug: "north-somerset", name: "Safer North Somerset Partnership" },
        model,
      );
      expect(folder).toBe(path.join(dir.path, "north-somerset"));
      expect(log.mock.calls.join("\n")).toMatch(/is valid with it .*\n.*Next:/s);
    } finally {
      log.mockRestore();
    }
    const { graph } = validateSeedDirectory(dir.path, model);
    expect(graph.nodes.get("partnership:north-somerset")).toMatchObject({
      label: "Partnership",
      partnershipId: "partnership:north-somerset",
      properties: { name: "Safer North Somerset Partnership" },
    });
    expect(graph.nodes.get("doc:north-somerset-source")?.partnershipId).toBe("partnership:north-somerset");
  });

  it("refuses a reserved or malformed slug, and a folder that exists, before writing anything", () => {
    const dir = seedsCopy();
    expect(() => runSeedNew({ dir, slug: "shared", name: "X" }, model)).toThrow(ScaffoldError);
    expect(() => runSeedNew({ dir, slug: "North Somerset", name: "X" }, model)).toThrow(
      /expected lower-case letters, digits and "-"/,
    );
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      runSeedNew({ dir, slug: "x", name: "X" }, model);
    } finally {
      log.mockRestore();
    }
    expect(() => runSeedNew({ dir, slug: "x", name: "X" }, model)).toThrow(/exists already/);
  });
});
