import { ID_PATTERN, PARTNERSHIP_PREFIX, SHARED } from "../schema-model/index.ts";

/** Why a slug cannot name a new partnership's folder and ids; undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (slug === SHARED) return `"${SHARED}" is reserved for the entities partnerships share (seeds/shared/).`;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug) || !ID_PATTERN.test(`${PARTNERSHIP_PREFIX}${slug}`))
    return `expected lower-case letters, digits and "-" (such as north-somerset), found ${JSON.stringify(slug)}.`;
  return undefined;
}

const quote = (text: string): string => JSON.stringify(text);

const registry = (
  partnershipId: string,
  what: string,
  example: string,
): string => `# Registry of the ${what} this partnership's papers name: one entry per real one, defined once
# (name, every spelling in aliases, and the defining properties); each paper lists it again with its
# own at and relationships. A national or county-wide one belongs in seeds/shared/ instead: reference
# its id (seeds/README.md lists them). See seeds/README.md, "Registries".
partnership: ${partnershipId}
entries: []
# For example:
#   - ${example}
`;

/**
 * The files of a new partnership's seed folder (path relative to it -> YAML), which validate as
 * they are: the partnership, the paper it comes from (titles to fill in), empty registries.
 * @example scaffoldPartnership("north-somerset", "Safer North Somerset Partnership")["partnership.yaml"]
 */
export function scaffoldPartnership(slug: string, name: string): Record<string, string> {
  const partnershipId = `${PARTNERSHIP_PREFIX}${slug}`;
  const source = `doc:${slug}-source`;
  return {
    "partnership.yaml": `# ${name}: the partnership itself (made by \`npm run seed -- new ${slug}\`).
# Replace each TODO with what the paper says; seeds/README.md describes the format. Every file of this
# folder says \`partnership: ${partnershipId}\`.
partnership: ${partnershipId}
entries:
  - Partnership: ${partnershipId}
    source: ${source}
    at: "TODO: where the paper names the partnership (page, section)"
    name: ${quote(name)}
`,
    "registry/people.yaml": registry(
      partnershipId,
      "people",
      `Person: person:first-last\n#     source: ${source}\n#     at: Attendance list\n#     name: First Last`,
    ),
    "registry/organisations.yaml": registry(
      partnershipId,
      "organisations",
      `Organisation: org:${slug}-council\n#     source: ${source}\n#     at: Membership\n#     name: The District Council\n#     kind: STATUTORY`,
    ),
    "registry/bodies.yaml": registry(
      partnershipId,
      "boards, groups and panels",
      `Body: body:${slug}-board\n#     source: ${source}\n#     at: Terms of reference\n#     name: ${name} Board\n#     kind: STATUTORY_BOARD`,
    ),
    "papers/source.yaml": `# The first paper you transcribe: one file per paper. Rename the file and the id after the paper
# (papers/board-2024-03-01.yaml, doc:${slug}-board-2024-03-01) and change \`source:\` in
# partnership.yaml to match.
partnership: ${partnershipId}
document:
  id: ${source}
  title: "TODO: the paper's title, as printed"
  # date: 2024-03-01
  # url: https://...
entries: []
`,
  };
}
