import type { DomainModel } from "../schema-model/index.ts";
import type { ReadQuery } from "../traversals/index.ts";
import { csvTables, type CsvTable } from "./csv-tables.ts";
import { serialiseOrg, toOrgQuads, type RdfFormat } from "./org-ontology.ts";
import { toPopolo } from "./popolo.ts";
import { readStructure, type ExportScope } from "./read-structure.ts";

export const EXPORT_FORMATS = ["popolo", "org", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One exported file: what an HTTP response or a written file holds. */
export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
}

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  /** For `org`: Turtle or JSON-LD. */
  rdf?: RdfFormat;
  baseIri: string;
}

const csvFile = (table: CsvTable): ExportFile => ({
  name: table.name,
  contentType: "text/csv; charset=utf-8",
  body: table.csv,
});

/**
 * The files of one export: a single Popolo JSON or ORG document, or one CSV per label and
 * relationship type. Everything is read under the request's scope (partnership, asOf, viewer).
 */
export async function exportFiles(
  read: ReadQuery,
  model: DomainModel,
  request: ExportRequest,
): Promise<ExportFile[]> {
  switch (request.format) {
    case "popolo": {
      const popolo = toPopolo(await readStructure(read, request.scope), request.baseIri);
      return [
        {
          name: "popolo.json",
          contentType: "application/json; charset=utf-8",
          body: `${JSON.stringify(popolo, null, 2)}\n`,
        },
      ];
    }
    case "org": {
      const rdf = request.rdf ?? "turtle";
      const body = await serialiseOrg(
        toOrgQuads(await readStructure(read, request.scope), request.baseIri),
        rdf,
      );
      return rdf === "turtle"
        ? [{ name: "org.ttl", contentType: "text/turtle; charset=utf-8", body }]
        : [{ name: "org.jsonld", contentType: "application/ld+json; charset=utf-8", body }];
    }
    case "csv":
      return (await csvTables(read, model, request.scope)).map(csvFile);
  }
}
