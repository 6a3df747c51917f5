// /projects/$name: the project's current params, a form to set new ones, the param history
// with diffs, and the project's latest tasks.
import { getRouteApi, Link } from "@tanstack/react-router";
import { useProject, useTaskList } from "../../client";
import { taskTypeRegistry, type Project } from "../../schema";
import { EmptyState, ErrorNotice, formatNumber, Instruction, Loading, PageHeader, Section, TaskTable, Timestamp } from "../tasks";
import { ParamHistory } from "./ParamHistory";
import { SetParamsForm } from "./SetParamsForm";
import { TemplateParams } from "./TemplateParams";
import styles from "./projects.module.css";

const route = getRouteApi("/projects/$name");

export function ProjectPage() {
  const { name } = route.useParams();
  const project = useProject(name);
  return (
    <>
      <Link to="/projects" className={styles.back}>
        ← All projects
      </Link>
      {project.isPending ? (
        <Loading label="Loading project…" />
      ) : project.isError ? (
        <ErrorNotice error={project.error} onRetry={() => void project.refetch()} />
      ) : (
        <ProjectDetail project={project.data} />
      )}
    </>
  );
}

function ProjectDetail({ project }: { project: Project }) {
  const latest = project.param_history.at(-1);
  return (
    <>
      <PageHeader
        title={project.name}
        subtitle={
          <>
            {taskTypeRegistry[project.type].title} · created <Timestamp value={project.created_at} short /> · params v
            {latest?.version ?? 0}
          </>
        }
        actions={
          <Link to="/create/$type" params={{ type: project.type }} search={{ project: project.name }} className="btn btn-primary btn-sm">
            New task
          </Link>
        }
      />
      <div className={styles.detailLayout}>
        <div className={styles.col}>
          <Section title="Current instruction">
            <Instruction markdown={latest?.instruction ?? ""} />
          </Section>
          <Section title={`Task template (v${latest?.version ?? 0})`}>
            <p className="muted">Every task created under the project takes these params unless it sets them itself; the instruction is appended to its own.</p>
            <TemplateParams type={project.type} entry={latest} />
          </Section>
          <Section title="Set params">
            <SetParamsForm project={project} />
          </Section>
        </div>
        <div className={styles.col}>
          <Section title="Param history">
            <ParamHistory project={project} />
          </Section>
        </div>
      </div>
      <ProjectTasks name={project.name} />
    </>
  );
}

function ProjectTasks({ name }: { name: string }) {
  const tasks = useTaskList({ project: name, limit: 25, offset: 0 });
  return (
    <div className={styles.tasks}>
      <Section
        title={tasks.data ? `Tasks (${formatNumber(tasks.data.total)})` : "Tasks"}
        actions={
          <Link to="/tasks" search={{ project: name }} className="btn btn-sm">
            Open in task list
          </Link>
        }
      >
        {tasks.isPending ? (
          <Loading label="Loading tasks…" />
        ) : tasks.isError ? (
          <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : tasks.data.docs.length === 0 ? (
          <EmptyState title="No tasks in this project yet">Create tasks with project: {name}.</EmptyState>
        ) : (
          <TaskTable tasks={tasks.data.docs} maxHeight={420} label={`Tasks in ${name}`} />
        )}
      </Section>
    </div>
  );
}
