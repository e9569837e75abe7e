export {
  exportFiles,
  EXPORT_FORMATS,
  type ExportFile,
  type ExportFormat,
  type ExportRequest,
} from "./export-formats.js";
export { readStructure, type ExportScope } from "./read-structure.js";
export { toPopolo, type PopoloExport } from "./popolo.js";
export { toOrgQuads, serialiseOrg, NAMESPACES, type RdfFormat } from "./org-ontology.js";
export { csvTables, type CsvTable } from "./csv-tables.js";
export { DEFAULT_BASE_IRI, entityIri } from "./vocabulary.js";
export type { PartnershipStructure } from "./structure.js";
