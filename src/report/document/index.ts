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
} from "./report-document.ts";
export { cell, missing } from "./report-document.ts";
export { findingItems } from "./findings-box.ts";
