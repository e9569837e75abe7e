export { installHistory, removeHistory, HistoryUnavailableError } from "./install-history.ts";
export { entityHistory, partnershipChanges, type ChangeRow, type ChangeFactRow } from "./read-history.ts";
export { HISTORY_LABEL, RETIRED_TRIGGERS, TRIGGER_NAME } from "./history-trigger.ts";
