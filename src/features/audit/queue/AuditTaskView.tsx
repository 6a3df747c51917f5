// What is being judged. Image tasks: the canvas with the response, layers and masks, as tall as
// the screen allows. Other tasks (and image types the canvas doesn't draw the answer of, like
// categorization): the attachment preview and the structured response of the task page.
import { AnnotationCanvas, imageUrlOfTask } from "../../../canvas";
import { taskTypeRegistry, type Task } from "../../../schema";
import { Section } from "../../tasks";
import { CanvasSlot, ResponseView } from "../reuse";
import styles from "../audit.module.css";

/** Fills the screen below the header, tabs and queue bar (audit.module.css), less on phones. */
const CANVAS_HEIGHT = "var(--audit-canvas-height)";

/** `onShortcutHelp`: the queue's `?` overlay, which lists the canvas's keys too (the canvas's `?` and Keys button open it). */
export function AuditTaskView({ task, onShortcutHelp }: { task: Task; onShortcutHelp?: () => void }) {
  const imageUrl = imageUrlOfTask(task);
  const drawsResponse = taskTypeRegistry[task.type]?.geometry != null;
  return (
    <>
      {imageUrl ? (
        <section className={`card ${styles.canvasCard}`} aria-label="Annotations on the attachment">
          {/* A fresh canvas per task: its view, selection and legend toggles belong to one task. */}
          <AnnotationCanvas key={task.task_id} task={task} imageUrl={imageUrl} height={CANVAS_HEIGHT} onShortcutHelp={onShortcutHelp} />
        </section>
      ) : (
        <Section title="Attachment">
          <CanvasSlot task={task} />
        </Section>
      )}
      {imageUrl && drawsResponse ? null : <ResponseView task={task} />}
    </>
  );
}
