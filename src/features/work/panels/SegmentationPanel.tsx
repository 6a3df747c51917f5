// Segmentation: the mask editor; after each edit (debounced) the masks are encoded in the
// browser and uploaded through POST /v1/files, so the draft is the docs' response with hosted
// URLs, and reopening the task decodes it back into the editor.
import { useCallback, useEffect, useRef, useState } from "react";
import { AnnotationCanvas, EditableCanvas, saveSegmentation, type MaskSession, type UploadPng } from "../../../canvas";
import { pageCommandsOf } from "../liveCommands";
import { uploadFile } from "../../../client";
import { withMasksPending } from "./maskPending";
import { paramsOf } from "./params";
import type { WorkIssue, WorkPanelProps } from "./types";
import { GeneralIssues, useFocusCanvasOnOpen } from "./ui";
import css from "./panels.module.css";

const CANVAS_HEIGHT = "var(--task-canvas-height)";
/** Masks are a few uploads each: wait for a pause in the painting. */
export const MASK_SAVE_DEBOUNCE_MS = 800;
/** After a failed upload (offline, server restarting), the next attempt. */
const MASK_RETRY_MS = 3000;

const uploadPng: UploadPng = async (png) => (await uploadFile(png)).url;

/** The validator's wording of the one finding a painter meets most, in a painter's words. */
function readable(i: WorkIssue): WorkIssue {
  if (i.path.join(".") === "annotations.unlabeled") return { path: [], message: "Some pixels are still unlabeled: this task needs every pixel labelled (paint them, or use Fill unlabeled)." };
  return i;
}

type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved" } | { status: "error"; message: string };

export function SegmentationPanel({ task, response, onChange, issues, readOnly, onShortcutHelp }: WorkPanelProps) {
  const [initial] = useState(() => response);
  const root = useRef<HTMLDivElement>(null);
  useFocusCanvasOnOpen(root, task.task_id);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const timer = useRef<number | undefined>(undefined);
  const sequence = useRef(0);
  /** The last answer whose masks are all uploaded (the draft the editor opened with, at first). */
  const uploaded = useRef<object | null>(typeof initial === "object" && initial !== null ? initial : null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const params = paramsOf(task, "segmentannotation");
  const paramsRef = useRef(params);
  paramsRef.current = params;

  const upload = useCallback((session: MaskSession) => {
    const p = paramsRef.current;
    if (!p) return;
    const mine = ++sequence.current;
    setSave({ status: "saving" });
    // The draft keeps unlabeled pixels even when the task forbids them (the work is kept; the
    // shared validator then reports them and Submit waits until they are painted).
    saveSegmentation(session.raster, session.state.classes, { ...p, allow_unlabeled: true }, uploadPng).then(
      (wire) => {
        if (mine !== sequence.current) return; // a newer edit is on its way
        uploaded.current = wire;
        setSave({ status: "saved" });
        onChangeRef.current(wire);
      },
      (e: unknown) => {
        if (mine !== sequence.current) return;
        setSave({ status: "error", message: e instanceof Error ? e.message : String(e) });
        // Offline or a server restarting: try again until the masks are up (or a newer edit is).
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => upload(session), MASK_RETRY_MS);
      },
    );
  }, []);

  const saveMasks = useCallback(
    (session: MaskSession) => {
      window.clearTimeout(timer.current);
      sequence.current++; // an upload in flight is now stale
      if (uploaded.current) onChangeRef.current(withMasksPending(uploaded.current));
      timer.current = window.setTimeout(() => upload(session), MASK_SAVE_DEBOUNCE_MS);
    },
    [upload],
  );
  useEffect(() => () => window.clearTimeout(timer.current), []);

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
      <p className={`${css.status} ${save.status === "error" ? css.statusError : ""}`} role="status" data-testid="mask-save-state" data-state={save.status}>
        {save.status === "saving"
          ? "Uploading the masks…"
          : save.status === "saved"
            ? "Masks uploaded."
            : save.status === "error"
              ? `The masks could not be uploaded (${save.message}); trying again…`
              : initial === undefined
                ? "Paint the mask; it is uploaded after each pause."
                : "Editing the saved masks."}
      </p>
      {/* No MaskUploadContext: the masks are uploaded after each pause, so the panel's own
          "Save masks" button (for pages without drafts) stays hidden. */}
      <EditableCanvas key={task.task_id} taskType="segmentannotation" params={task.params} response={initial} height={CANVAS_HEIGHT} onMaskChange={saveMasks} onShortcutHelp={onShortcutHelp} />
    </div>
  );
}
