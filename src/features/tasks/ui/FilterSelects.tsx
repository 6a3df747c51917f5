// The task-type and project pickers every filter bar uses (tasks, overview, audit queue, audit
// stats): one place for their options and for keeping a project named in the URL selectable.
import { useProjects } from "../../../client";
import { TASK_TYPES, TaskType, taskTypeRegistry } from "../../../schema";

export function TaskTypeSelect(props: { id: string; value: TaskType | undefined; onChange(type: TaskType | undefined): void; anyLabel?: string }) {
  return (
    <select
      id={props.id}
      className="select"
      value={props.value ?? ""}
      onChange={(e) => props.onChange(TaskType.safeParse(e.target.value).data)}
    >
      <option value="">{props.anyLabel ?? "All types"}</option>
      {TASK_TYPES.map((t) => (
        <option key={t} value={t}>
          {taskTypeRegistry[t].title}
        </option>
      ))}
    </select>
  );
}

export function ProjectSelect(props: { id: string; value: string | undefined; onChange(project: string | undefined): void; anyLabel?: string }) {
  const projects = useProjects();
  return (
    <select id={props.id} className="select" value={props.value ?? ""} onChange={(e) => props.onChange(e.target.value || undefined)}>
      <option value="">{props.anyLabel ?? "All projects"}</option>
      {/* A project named in the URL stays selectable even if the list failed to load. */}
      {props.value && !projects.data?.some((p) => p.name === props.value) ? <option value={props.value}>{props.value}</option> : null}
      {projects.data?.map((p) => (
        <option key={p.name} value={p.name}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
