export { naturalCompare } from "./natural-compare.js";
export { editDistance, didYouMean } from "./closest.js";
export {
  today,
  isIsoDate,
  parseIsoDate,
  formatIsoDate,
  daysInMonth,
  type IsoDate,
  type CalendarDate,
} from "./dates.js";
