// ┌────────────────────────────────────────────────────────────────────────────────────────┐
// │ CANVAS MOUNT POINT: the only place the Konva scene (src/canvas `AnnotationCanvas`) is    │
// │ mounted on the task page. Image tasks get the canvas (attachment, layers, response);     │
// │ every other attachment type gets its plain preview.                                     │
// └────────────────────────────────────────────────────────────────────────────────────────┘
import { AnnotationCanvas, imageUrlOfTask } from "../../../canvas";
import type { Task } from "../../../schema";
import { attachmentsOf } from "../attachments";
import { AttachmentList } from "./AttachmentPreview";

export function CanvasSlot({ task }: { task: Task }) {
  const attachments = attachmentsOf(task);
  const imageUrl = attachments.length === 1 ? imageUrlOfTask(task) : null;
  return (
    <div data-testid="canvas-slot">
      {imageUrl ? <AnnotationCanvas task={task} imageUrl={imageUrl} height={520} /> : <AttachmentList attachments={attachments} />}
    </div>
  );
}
