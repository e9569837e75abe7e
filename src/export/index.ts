export { exportFiles, type ExportFile, type ExportFormat, type ExportRequest } from "./export-formats.ts";
export type { ExportScope } from "./read-structure.ts";
export type { PopoloExport } from "./popolo.ts";
export { NAMESPACES, type RdfFormat } from "./org-ontology.ts";
export type { CsvTable } from "./csv-tables.ts";
export { DEFAULT_BASE_IRI } from "./vocabulary.ts";
export type { PartnershipStructure } from "./structure.ts";
