// Segmentation: the mask editor; after each pause in the painting the masks are encoded in the
// browser, kept in IndexedDB and uploaded through POST /v1/files, so the draft is the docs'
// response with hosted URLs (useMaskDraft.ts). Reopening the task decodes the draft back into the
// editor, or the painting this browser kept if it never reached the server, and says so.
import { useRef, useState } from "react";
import { AnnotationCanvas, EditableCanvas } from "../../../canvas";
import { pageCommandsOf } from "../liveCommands";
import { clock } from "../SaveStatus";
import { paramsOf } from "./params";
import type { WorkIssue, WorkPanelProps } from "./types";
import { GeneralIssues, useFocusCanvasOnOpen } from "./ui";
import { useMaskDraft, type MaskSaveState } from "./useMaskDraft";
import css from "./panels.module.css";
import workCss from "../work.module.css";

export { MASK_SAVE_DEBOUNCE_MS } from "./useMaskDraft";

const CANVAS_HEIGHT = "var(--task-canvas-height)";

/** The validator's wording of the one finding a painter meets most, in a painter's words. */
function readable(i: WorkIssue): WorkIssue {
  if (i.path.join(".") === "annotations.unlabeled") return { path: [], message: "Some pixels are still unlabeled: this task needs every pixel labelled (paint them, or use Fill unlabeled)." };
  return i;
}

function saveText(save: MaskSaveState, kept: boolean | null, opened: boolean, leaveProblem: string | null): string {
  // Asked "leave?" and stayed: the last strokes had no instant copy, so closing now could lose them.
  if (leaveProblem !== null && save.status !== "saved") return `The last strokes could not be kept at once on leaving (${leaveProblem}): wait until the masks are uploaded before closing the page.`;
  if (save.status === "saving") return "Uploading the masks…";
  if (save.status === "saved") return "Masks uploaded.";
  if (save.status === "error") {
    const where = kept === false ? "this browser could not keep them either: don't close the page" : "they are kept in this browser";
    return save.offline ? `Offline or the server can't be reached: the masks upload as soon as it answers (${where}).` : `The masks could not be uploaded (${save.message}); trying again… (${where})`;
  }
  return opened ? "Editing the saved masks." : "Paint the mask; it is uploaded after each pause.";
}

export function SegmentationPanel({ task, response, onChange, issues, readOnly, onShortcutHelp, onMaskUploads }: WorkPanelProps) {
  const [initial] = useState(() => response);
  const root = useRef<HTMLDivElement>(null);
  useFocusCanvasOnOpen(root, task.task_id);
  const params = paramsOf(task, "segmentannotation");
  const draft = useMaskDraft({ taskId: task.task_id, initial, params, active: !readOnly && params !== null, onChange, onUploads: onMaskUploads });
  const [restoredShown, setRestoredShown] = useState(true);

  if (readOnly) {
    return (
      <div className={css.panel} data-testid="work-panel-segmentannotation">
        <AnnotationCanvas task={{ ...task, response: (response ?? undefined) as Record<string, unknown> | undefined }} height={CANVAS_HEIGHT} pageCommands={pageCommandsOf(task.type)} onShortcutHelp={onShortcutHelp} />
      </div>
    );
  }
  if (!params) return <p role="alert">This task's params can't be read as a segmentation task.</p>;

  return (
    <div ref={root} className={css.panel} data-testid="work-panel-segmentannotation">
      <GeneralIssues issues={issues.map(readable)} known={() => false} />
      {draft.restoredAt !== null && restoredShown ? (
        <div className={workCss.restored} role="status" data-testid="mask-restored">
          <span>Unsaved painting from {clock(draft.restoredAt)} restored (kept in this browser; it is uploaded as soon as the server can be reached).</span>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setRestoredShown(false)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      <p className={`${css.status} ${draft.save.status === "error" || draft.leaveProblem !== null ? css.statusError : ""}`} role="status" data-testid="mask-save-state" data-state={draft.save.status}>
        {saveText(draft.save, draft.kept, initial !== undefined, draft.leaveProblem)}
      </p>
      {/* No MaskUploadContext: the masks are uploaded after each pause, so the panel's own
          "Save masks" button (for pages without drafts) stays hidden. */}
      {draft.ready ? (
        <EditableCanvas key={task.task_id} taskType="segmentannotation" params={task.params} response={draft.response} fetchMaskBytes={draft.fetchMaskBytes} height={CANVAS_HEIGHT} onMaskChange={draft.onMaskChange} onShortcutHelp={onShortcutHelp} />
      ) : (
        <p className={css.status}>Opening the masks…</p>
      )}
    </div>
  );
}
