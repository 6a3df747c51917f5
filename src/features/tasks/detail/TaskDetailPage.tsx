// /tasks/$taskId: everything about one task. An image task's canvas first, across the page;
// then the main column (attachment preview for other types, response, instruction, params) and
// the side column (status, project, metadata, callback, audits), stacked on narrow screens.
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTask } from "../../../client";
import { taskTypeRegistry, type Task } from "../../../schema";
import { formatDuration } from "../ui/format";
import { PageHeader } from "../ui/PageHeader";
import { StatusBadge } from "../ui/StatusBadge";
import { Timestamp } from "../ui/Timestamp";
import { ErrorNotice, Loading } from "../ui/states";
import { AuditHistory } from "./AuditHistory";
import { ActivityList } from "./ActivityList";
import { CallbackLog } from "./CallbackLog";
import { canvasImageOf, CanvasSlot } from "./CanvasSlot";
import { Instruction } from "./Instruction";
import { ParamsView } from "./ParamsView";
import { ResponseView } from "./ResponseView";
import { Section } from "./Section";
import { TaskActions } from "./TaskActions";
import { FieldList } from "./ValueView";
import styles from "./detail.module.css";

const route = getRouteApi("/tasks/$taskId");

export function TaskDetailPage() {
  const { taskId } = route.useParams();
  const task = useTask(taskId);
  if (task.isPending) return <Loading label="Loading task…" />;
  if (task.isError) {
    return (
      <>
        <BackLink />
        <ErrorNotice error={task.error} onRetry={() => void task.refetch()} />
      </>
    );
  }
  return <TaskDetail task={task.data} />;
}

function BackLink() {
  return (
    <Link to="/tasks" className={styles.back}>
      ← All tasks
    </Link>
  );
}

function TaskDetail({ task }: { task: Task }) {
  const title = taskTypeRegistry[task.type]?.title ?? task.type;
  return (
    <>
      <BackLink />
      <PageHeader
        title={
          <span className={styles.title}>
            <span className="mono">{task.task_id}</span> <StatusBadge status={task.status} />
          </span>
        }
        subtitle={title}
        actions={
          // The create form filled from this task (its params, instruction, metadata, project).
          <Link to="/create/$type" params={{ type: task.type }} search={{ from: task.task_id }} className="btn btn-sm">
            Create similar
          </Link>
        }
      />
      <TaskActions task={task} />
      {/* An image task leads with its canvas across the page; the other cards follow below. */}
      {canvasImageOf(task) ? (
        <section className={`card ${styles.canvasCard}`} aria-label="Attachment and annotations">
          <CanvasSlot task={task} />
        </section>
      ) : null}
      <div className={styles.grid}>
        <div className={styles.mainCol}>
          {canvasImageOf(task) ? null : (
            <Section title="Attachment">
              <CanvasSlot task={task} />
            </Section>
          )}
          <ResponseView task={task} />
          <Section title="Instruction">
            <Instruction markdown={task.instruction} />
          </Section>
          <ParamsView task={task} />
        </div>
        <div className={styles.sideCol}>
          <StatusCard task={task} />
          <Section title="Metadata">
            {Object.keys(task.metadata).length ? <FieldList data={task.metadata} /> : <p className="muted">No metadata.</p>}
          </Section>
          <CallbackLog task={task} />
          <AuditHistory task={task} />
          <ActivityList task={task} />
        </div>
      </div>
    </>
  );
}

function StatusCard({ task }: { task: Task }) {
  const took =
    task.completed_at !== undefined ? Date.parse(task.completed_at) - Date.parse(task.created_at) : undefined;
  return (
    <Section title="Status">
      <dl className="kv">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={task.status} />
        </dd>
        <dt>Created</dt>
        <dd>
          <Timestamp value={task.created_at} />
        </dd>
        <dt>{task.status === "canceled" ? "Ended" : "Completed"}</dt>
        <dd>
          <Timestamp value={task.completed_at} />
          {took !== undefined && Number.isFinite(took) ? <span className="muted"> · took {formatDuration(took)}</span> : null}
        </dd>
        <dt>Urgency</dt>
        <dd>{task.urgency}</dd>
        <dt>Project</dt>
        <dd>
          {task.project ? (
            <>
              <Link to="/projects/$name" params={{ name: task.project }}>
                {task.project}
              </Link>
              {task.project_param_version !== undefined ? (
                <span className="muted"> · params v{task.project_param_version}</span>
              ) : null}
            </>
          ) : (
            <span className="faint">—</span>
          )}
        </dd>
        {task.unique_id ? (
          <>
            <dt>Unique id</dt>
            <dd className="mono">{task.unique_id}</dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}
