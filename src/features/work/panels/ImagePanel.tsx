// The image types (boxes, points, lines, polygons, cuboids): the canvas editor with the task's
// params, starting from the draft; findings on annotations zoom to their object.
import { useMemo, useRef } from "react";
import { AnnotationCanvas, EditableCanvas, type EditableTaskType } from "../../../canvas";
import { pageCommandsOf } from "../liveCommands";
import type { WorkPanelProps } from "./types";
import { GeneralIssues, useFocusCanvasOnOpen } from "./ui";
import css from "./panels.module.css";

const CANVAS_HEIGHT = "var(--task-canvas-height)";

export function ImagePanel({ task, response, onChange, issues, focusIssue, readOnly, onShortcutHelp }: WorkPanelProps) {
  // The editor owns the document once open: it reads the draft when it mounts, then reports.
  const [initial] = useMemoOnce(response);
  const root = useRef<HTMLDivElement>(null);
  useFocusCanvasOnOpen(root, task.task_id);
  const lastSent = useRef<string | null>(initial === undefined ? null : JSON.stringify(initial));
  const focusAnnotation = useMemo(
    () => (focusIssue && focusIssue.path[0] === "annotations" && typeof focusIssue.path[1] === "number" ? { index: focusIssue.path[1] } : null),
    [focusIssue],
  );
  if (readOnly) {
    return (
      <div className={css.panel} data-testid={`work-panel-${task.type}`}>
        <AnnotationCanvas task={{ ...task, response: (response ?? undefined) as Record<string, unknown> | undefined }} height={CANVAS_HEIGHT} pageCommands={pageCommandsOf(task.type)} onShortcutHelp={onShortcutHelp} />
      </div>
    );
  }
  return (
    <div ref={root} className={css.panel} data-testid={`work-panel-${task.type}`}>
      {/* Per-object findings are drawn on the canvas and listed in its side panel; the rest here. */}
      <GeneralIssues issues={issues} known={(i) => i.path[0] === "annotations" && typeof i.path[1] === "number"} />
      <EditableCanvas
        key={task.task_id}
        taskType={task.type as EditableTaskType}
        params={task.params}
        response={initial}
        height={CANVAS_HEIGHT}
        focusAnnotation={focusAnnotation}
        onShortcutHelp={onShortcutHelp}
        onChange={(wire) => {
          // The editor reports its document on mount too: only a real change is a change.
          const text = JSON.stringify(wire);
          if (text === lastSent.current) return;
          if (lastSent.current === null && wire.annotations.length === 0) return;
          lastSent.current = text;
          onChange(wire);
        }}
      />
    </div>
  );
}

/** The first value this component saw (later renders keep it). */
function useMemoOnce<T>(value: T): [T] {
  const ref = useRef<{ v: T } | null>(null);
  if (ref.current === null) ref.current = { v: value };
  return [ref.current.v];
}
