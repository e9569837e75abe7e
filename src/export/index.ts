export { exportFiles, type ExportFile, type ExportFormat, type ExportRequest } from "./export-formats.js";
export type { ExportScope } from "./read-structure.js";
export type { PopoloExport } from "./popolo.js";
export { NAMESPACES, type RdfFormat } from "./org-ontology.js";
export type { CsvTable } from "./csv-tables.js";
export { DEFAULT_BASE_IRI } from "./vocabulary.js";
export type { PartnershipStructure } from "./structure.js";
