// ┌────────────────────────────────────────────────────────────────────────────────────────┐
// │ CANVAS MOUNT POINT: the only place the Konva scene (src/canvas `AnnotationCanvas`) is    │
// │ mounted on the task page. Image tasks get the canvas (attachment, layers, response);     │
// │ every other attachment type gets its plain preview.                                     │
// └────────────────────────────────────────────────────────────────────────────────────────┘
import { AnnotationCanvas, imageUrlOfTask, type AnnotationCanvasProps } from "../../../canvas";
import type { Task } from "../../../schema";
import { attachmentsOf } from "../attachments";
import { AttachmentList } from "./AttachmentPreview";
import styles from "./detail.module.css";

/** The image the canvas draws on, when the task has exactly one image attachment. */
export function canvasImageOf(task: Task): string | null {
  return attachmentsOf(task).length === 1 ? imageUrlOfTask(task) : null;
}

/** The canvas's height is CSS (detail.module.css): most of the screen, less on phones. */
const CANVAS_HEIGHT = "var(--task-canvas-height)";

/**
 * `pageCommands` and `onShortcutHelp`: a page with its own keys and `?` overlay (the workbench),
 * whose keys win over the canvas's (AnnotationCanvas props of the same names).
 */
export function CanvasSlot({ task, pageCommands, onShortcutHelp }: { task: Task } & Pick<AnnotationCanvasProps, "pageCommands" | "onShortcutHelp">) {
  const imageUrl = canvasImageOf(task);
  return (
    <div data-testid="canvas-slot" className={imageUrl ? styles.canvasSlot : undefined}>
      {imageUrl ? (
        <AnnotationCanvas key={task.task_id} task={task} imageUrl={imageUrl} height={CANVAS_HEIGHT} pageCommands={pageCommands} onShortcutHelp={onShortcutHelp} />
      ) : (
        <AttachmentList attachments={attachmentsOf(task)} />
      )}
    </div>
  );
}
