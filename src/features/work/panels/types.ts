import type { Task } from "../../../schema";
import type { MaskUploads } from "./maskPending";

/** One finding about the response, with the wire path of the object or field it concerns. */
export interface WorkIssue {
  /** Path inside the response, e.g. ["annotations", 3, "label"] or ["fields", "name"]; [] for the whole answer. */
  path: (string | number)[];
  message: string;
}

export interface WorkPanelProps {
  task: Task;
  /** The draft response (undefined: nothing yet; panels start from `emptyResponse(task)`). */
  response: unknown | undefined;
  /** Every change, as the wire response the complete endpoint takes. */
  onChange(response: unknown): void;
  /** Findings of the last validation, shown on the field or object they concern. */
  issues: WorkIssue[];
  /** The finding to bring into view (zoom to its object, focus its field); a new object each time. */
  focusIssue: WorkIssue | null;
  readOnly?: boolean;
  /** Opens the workbench's `?` overlay: an embedded canvas's `?` and Keys button call it. */
  onShortcutHelp?(): void;
  /** Segmentation: strokes not uploaded yet, counted by the page's save status and on leaving. */
  onMaskUploads?(uploads: MaskUploads): void;
}
