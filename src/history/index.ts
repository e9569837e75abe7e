export { installHistory, removeHistory, HistoryUnavailableError } from "./install-history.js";
export { entityHistory, partnershipChanges, type ChangeRow, type ChangeFactRow } from "./read-history.js";
export { HISTORY_LABEL, RETIRED_TRIGGERS, TRIGGER_NAME } from "./history-trigger.js";
