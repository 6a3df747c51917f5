// Batch creation: many tasks of the create form's type from a CSV or JSON Lines file.
export { BatchPanel, type BatchPanelProps } from "./BatchPanel";
