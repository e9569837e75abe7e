export { naturalCompare } from "./natural-compare.js";
export { editDistance, closest, didYouMean } from "./closest.js";
export { today, isIsoDate, parseIsoDate, formatIsoDate, type IsoDate, type CalendarDate } from "./dates.js";
