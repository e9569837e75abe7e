export type {
  ReportDocument,
  Block,
  Cell,
  Column,
  BoardPaper,
  ContentsEntry,
  Fact,
  Figure,
  FindingItem,
  Tone,
} from "./report-document.js";
export { cell, missing } from "./report-document.js";
export { findingItems } from "./findings-box.js";
