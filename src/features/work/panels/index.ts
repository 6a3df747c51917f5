// The work panels: one per task type, the tools a person completes a pending task with. The
// workbench page (src/features/work) renders `workPanelFor(task.type)` with the draft response,
// validates with `validateWorkResponse` (the server's own rules, src/geometry/validate) and
// saves what `onChange` emits.
import type { ComponentType } from "react";
import type { TaskType } from "../../../schema";
import { AudiotranscriptionPanel } from "./AudiotranscriptionPanel";
import { CategorizationPanel } from "./CategorizationPanel";
import { ComparisonPanel } from "./ComparisonPanel";
import { DatacollectionPanel } from "./DatacollectionPanel";
import { ImagePanel } from "./ImagePanel";
import { SegmentationPanel } from "./SegmentationPanel";
import { TranscriptionPanel } from "./TranscriptionPanel";
import type { WorkPanelProps } from "./types";

export type { WorkIssue, WorkPanelProps } from "./types";
export { validateWorkResponse, issuesAt, pathText } from "./validate";
export { emptyResponse } from "./empty";

/** Every task type's panel: the one list to read. */
const PANELS: Record<TaskType, ComponentType<WorkPanelProps>> = {
  annotation: ImagePanel,
  pointannotation: ImagePanel,
  lineannotation: ImagePanel,
  polygonannotation: ImagePanel,
  cuboidannotation: ImagePanel,
  segmentannotation: SegmentationPanel,
  categorization: CategorizationPanel,
  comparison: ComparisonPanel,
  transcription: TranscriptionPanel,
  audiotranscription: AudiotranscriptionPanel,
  datacollection: DatacollectionPanel,
};

export function workPanelFor(type: TaskType): ComponentType<WorkPanelProps> {
  return PANELS[type];
}
