// The task list as a virtualized grid: only the rows in view are in the DOM, so a page of 100
// tasks with thumbnails scrolls smoothly. ARIA table roles keep it readable by screen readers.
import { Link } from "@tanstack/react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { taskTypeRegistry, type Task } from "../../schema";
import { thumbnailOf } from "./attachments";
import { TaskCards } from "./TaskCards";
import { Timestamp } from "./ui/Timestamp";
import { AuditState, CallbackState, StatusBadge } from "./ui/StatusBadge";
import { Thumbnail } from "./ui/Thumbnail";
import { useNarrowScreen } from "./ui/useNarrowScreen";
import { useWorkHolds } from "../work";
import styles from "./TaskTable.module.css";

const ROW_HEIGHT = 38;

export interface Selection {
  selected: ReadonlySet<string>;
  toggle: (taskId: string) => void;
  toggleAll: (taskIds: readonly string[], on: boolean) => void;
}

interface Props {
  tasks: readonly Task[];
  selection?: Selection;
  /** Height of the scroll area; the page decides how much room the table gets. */
  maxHeight?: number | string;
  label: string;
}

/** A grid on a wide screen, a list of cards on a narrow one. */
export function TaskTable(props: Props) {
  const narrow = useNarrowScreen();
  return narrow ? <TaskCards tasks={props.tasks} selection={props.selection} label={props.label} /> : <TaskGrid {...props} />;
}

function TaskGrid({ tasks, selection, maxHeight = "calc(100vh - 290px)", label }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const ids = tasks.map((t) => t.task_id);
  const allSelected = selection ? ids.length > 0 && ids.every((id) => selection.selected.has(id)) : false;
  const someSelected = selection ? ids.some((id) => selection.selected.has(id)) : false;
  const gridClass = `${styles.row} ${selection ? styles.withSelect : ""}`;
  // Who is labeling a pending task right now (the workbench's leases), shown beside its status.
  const holds = useWorkHolds(tasks.some((t) => t.status === "pending"));
  const holderOf = new Map((holds.data?.holds ?? []).map((h) => [h.task_id, h.holder.name]));

  return (
    <div className={styles.scroll} ref={scrollRef} style={{ maxHeight }} role="table" aria-label={label} aria-rowcount={tasks.length + 1}>
      <div className={`${gridClass} ${styles.head}`} role="row">
        {selection ? (
          <div role="columnheader" className={styles.check}>
            <input
              type="checkbox"
              aria-label="Select all tasks on this page"
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = someSelected && !allSelected;
              }}
              onChange={(e) => selection.toggleAll(ids, e.target.checked)}
            />
          </div>
        ) : null}
        <div role="columnheader">
          <span className="visually-hidden">Thumbnail</span>
        </div>
        <div role="columnheader">Task id</div>
        <div role="columnheader">Type</div>
        <div role="columnheader">Status</div>
        <div role="columnheader">Project</div>
        <div role="columnheader">Urgency</div>
        <div role="columnheader">Created</div>
        <div role="columnheader">Completed</div>
        <div role="columnheader">Callback</div>
        <div role="columnheader">Audit</div>
      </div>
      <div className={styles.body} style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
        {virtualizer.getVirtualItems().map((item) => {
          const task = tasks[item.index];
          const thumb = thumbnailOf(task);
          const isSelected = selection?.selected.has(task.task_id) ?? false;
          return (
            <div
              key={task.task_id}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selection ? isSelected : undefined}
              className={`${gridClass} ${isSelected ? styles.selected : ""}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              data-testid="task-row"
            >
              {selection ? (
                <div role="cell" className={styles.check}>
                  <input
                    type="checkbox"
                    aria-label={`Select task ${task.task_id}`}
                    checked={isSelected}
                    onChange={() => selection.toggle(task.task_id)}
                  />
                </div>
              ) : null}
              <div role="cell" className={styles.thumbCell}>
                <Thumbnail src={thumb} />
              </div>
              <div role="cell" className={styles.id}>
                <Link to="/tasks/$taskId" params={{ taskId: task.task_id }} className="mono">
                  {task.task_id}
                </Link>
              </div>
              <div role="cell" title={task.type}>
                {taskTypeRegistry[task.type]?.title ?? task.type}
              </div>
              <div role="cell" className={styles.statusCell}>
                <StatusBadge status={task.status} />
                {task.status === "pending" && holderOf.has(task.task_id) ? (
                  <span className={`badge badge-accent ${styles.holder}`} title={`${holderOf.get(task.task_id)} holds this task in the workbench`} data-testid="task-holder">
                    <span aria-hidden="true">{initials(holderOf.get(task.task_id) ?? "")}</span>
                    <span className="visually-hidden">held by {holderOf.get(task.task_id)}</span>
                  </span>
                ) : null}
              </div>
              <div role="cell" className={styles.ellipsis} title={task.project}>
                {task.project ? (
                  <Link to="/projects/$name" params={{ name: task.project }}>
                    {task.project}
                  </Link>
                ) : (
                  <span className="faint">—</span>
                )}
              </div>
              <div role="cell" className={task.urgency === "express" ? styles.express : undefined}>
                {task.urgency}
              </div>
              <div role="cell">
                <Timestamp value={task.created_at} short />
              </div>
              <div role="cell">
                <Timestamp value={task.completed_at} short />
              </div>
              <div role="cell">
                <CallbackState task={task} />
              </div>
              <div role="cell">
                <AuditState task={task} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** "Ann Work" → "AW": the holder badge fits the status column; the full name is its title. */
function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join("");
}
