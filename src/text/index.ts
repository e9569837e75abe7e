export { naturalCompare } from "./natural-compare.ts";
export { editDistance, didYouMean } from "./closest.ts";
export {
  today,
  isIsoDate,
  parseIsoDate,
  formatIsoDate,
  daysInMonth,
  type IsoDate,
  type CalendarDate,
} from "./dates.ts";
