import path from "node:path";
import { isPartnershipId, SHARED, type DomainModel } from "../schema-model/index.ts";
import { didYouMean } from "../text/index.ts";
import type { SeedFile } from "./read-seed-files.ts";
import type { SeedGraphDraft } from "./seed-graph-draft.ts";

const FILE_KEYS = new Set(["partnership", "document", "entries"]);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What the top of a file says about all its entries. */
export interface FileHeader {
  /** The partnership the file's facts belong to, or `shared`. */
  partnershipId: string;
  /** The paper the file transcribes: the default `source` of its entries. */
  documentId?: string;
  entries: unknown[];
}

/**
 * The partnerships the seed files define (an entry `- Partnership: partnership:<slug>`), by the
 * file that defines each. A file's `partnership:` must name one of them, or `shared`.
 */
export function definedPartnerships(files: readonly SeedFile[]): Map<string, string> {
  const defined = new Map<string, string>();
  for (const { file, data } of files)
    if (isRecord(data) && Array.isArray(data.entries))
      for (const entry of data.entries)
        if (isRecord(entry) && typeof entry.Partnership === "string" && !defined.has(entry.Partnership))
          defined.set(entry.Partnership, file);
  return defined;
}

/**
 * The partnership of each folder that holds a partnership.yaml (by the folder, as files are
 * named in messages): every file under it must be that partnership's, so a file copied from
 * another partnership's folder, still saying its old `partnership:`, is caught.
 */
export function folderPartnerships(files: readonly SeedFile[]): Map<string, string> {
  const folders = new Map<string, string>();
  for (const { file, data } of files)
    if (path.basename(file) === "partnership.yaml" && isRecord(data) && isPartnershipId(data.partnership))
      folders.set(path.dirname(file), data.partnership);
  return folders;
}

/** The partnership.yaml folder nearest above a file, and its partnership. */
function folderOf(file: string, folders: ReadonlyMap<string, string>): [string, string] | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const partnershipId = folders.get(dir);
    if (partnershipId) return [dir, partnershipId];
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Checks a file's top-level keys, its partnership and its document (merged into the draft as a
 * Document node). Undefined when the entries cannot be read as the partnership's facts.
 */
export function readFileHeader(
  seedFile: SeedFile,
  model: DomainModel,
  partnerships: ReadonlyMap<string, string>,
  folders: ReadonlyMap<string, string>,
  draft: SeedGraphDraft,
): FileHeader | undefined {
  const { file, data } = seedFile;
  if (!isRecord(data)) {
    draft.report({
      file,
      message: "expected a mapping with partnership, document (optional) and entries.",
      fix: "see seeds/README.md for the file layout.",
    });
    return undefined;
  }
  for (const key of Object.keys(data))
    if (!FILE_KEYS.has(key))
      draft.report({
        file,
        field: key,
        message: "is not a top-level key of a seed file.",
        fix: `use partnership, document and entries.${didYouMean(key, FILE_KEYS)}`,
      });
  const partnershipId = data.partnership;
  if (partnershipId !== SHARED && !isPartnershipId(partnershipId)) {
    draft.report({
      file,
      field: "partnership",
      message: `expected a partnership id such as partnership:barnet, or shared, found ${JSON.stringify(partnershipId)}.`,
      fix: "add `partnership: partnership:<slug>` (or `partnership: shared` for shared entities) at the top of the file.",
    });
    return undefined;
  }
  if (partnershipId !== SHARED && !partnerships.has(partnershipId)) {
    // A partnership defined in a file that could not be read is not a second problem.
    if (!draft.unreadable.has(partnershipId))
      draft.report({
        file,
        field: "partnership",
        message: `names ${partnershipId}, which no seed file defines${partnerships.size ? ` (defined: ${[...partnerships.keys()].join(", ")})` : ""}.`,
        fix: `correct the id, or define the partnership in its partnership.yaml (\`- Partnership: ${partnershipId}\`).${didYouMean(partnershipId, [...partnerships.keys(), SHARED])}`,
      });
    return undefined;
  }

  const folder = folderOf(file, folders);
  if (folder && folder[1] !== partnershipId)
    draft.report({
      file,
      field: "partnership",
      message: `says ${partnershipId}, but the file is in ${folder[0]}${path.sep}, ${folder[1]}'s folder (its partnership.yaml).`,
      fix: `move the file to ${partnershipId === SHARED ? "seeds/shared/" : `${partnershipId}'s folder`}, or write \`partnership: ${folder[1]}\` if it is ${folder[1]}'s.`,
    });

  let documentId: string | undefined;
  const documentModel = model.labels.get("Document");
  if (data.document !== undefined) {
    const document = data.document;
    if (!isRecord(document) || typeof document.id !== "string" || !document.id.startsWith("doc:")) {
      draft.report({
        file,
        field: "document.id",
        message: `expected a document id such as doc:scpb-2016-01-29, found ${JSON.stringify(isRecord(document) ? document.id : document)}.`,
        fix: "give the document an id starting with doc:.",
      });
    } else if (documentModel) {
      documentId = document.id;
      const where = { file, partnershipId };
      const node = draft.listNode("Document", document.id, where);
      for (const [key, value] of Object.entries(document)) {
        if (key === "id" || !node) continue;
        const property = documentModel.properties.get(key);
        const field = `document.${key}`;
        if (!property) {
          draft.markGiven(document.id, field, where);
          draft.report({
            file,
            entry: document.id,
            field,
            message: "is not a property of Document.",
            fix: `use one of ${[...documentModel.properties.keys()].join(", ")}.${didYouMean(key, documentModel.properties.keys())}`,
          });
        } else draft.setProperty(node, property, value, where, field);
      }
    }
  }

  if (!Array.isArray(data.entries)) {
    draft.report({
      file,
      field: "entries",
      message: `expected a list of entries, found ${JSON.stringify(data.entries)}.`,
      fix: "add `entries:` with one `- Label: id` item per node.",
    });
    return undefined;
  }
  return { partnershipId, ...(documentId ? { documentId } : {}), entries: data.entries };
}
