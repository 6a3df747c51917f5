// The work panels: one per task type, the tools a person completes a pending task with. The
// workbench page (src/features/work) renders `workPanelFor(task.type)` with the draft response,
// validates with `validateWorkResponse` (the server's own rules) and saves what `onChange` emits.
import type { ComponentType } from "react";
import type { Task, TaskType } from "../../../schema";

/** One finding about the response, with the wire path of the object or field it concerns. */
export interface WorkIssue {
  /** Path inside the response, e.g. ["annotations", 3, "label"] or ["fields", "name"]. */
  path: (string | number)[];
  message: string;
}

export interface WorkPanelProps {
  task: Task;
  /** The draft response (undefined: nothing yet, start from `emptyResponse(task)`). */
  response: unknown | undefined;
  /** Every change, as the wire response the complete endpoint takes. */
  onChange(response: unknown): void;
  /** Findings of the last validation (shown on the field/object they concern). */
  issues: WorkIssue[];
  /** The issue to bring into view (zoom to its object, focus its field). */
  focusIssue: WorkIssue | null;
  readOnly?: boolean;
}

// Filled in by the panel modules; this first version only fixes the contract.
export declare function workPanelFor(type: TaskType): ComponentType<WorkPanelProps>;
export declare function validateWorkResponse(task: Task, response: unknown): WorkIssue[];
export declare function emptyResponse(task: Task): unknown;
