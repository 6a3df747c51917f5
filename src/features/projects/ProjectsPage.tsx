// /projects: every project of the account, and a form to create one.
import { Link } from "@tanstack/react-router";
import { useProjects } from "../../client";
import { taskTypeRegistry } from "../../schema";
import { EmptyState, PageHeader, QueryState, Section, Timestamp } from "../tasks";
import { CreateProjectForm } from "./CreateProjectForm";
import styles from "./projects.module.css";

export function ProjectsPage() {
  const projects = useProjects();
  return (
    <>
      <PageHeader title="Projects" subtitle="Shared parameters for tasks of one type; tasks name their project when created." />
      <div className={styles.listLayout}>
        <Section title="All projects">
          <QueryState
            query={projects}
            isEmpty={(list) => list.length === 0}
            empty={<EmptyState title="No projects yet">Create one with the form.</EmptyState>}
          >
            {(list) => (
              <table className="table" aria-label="Projects">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Type</th>
                    <th className="num">Version</th>
                    <th>Instruction</th>
                    <th>Created</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((p) => {
                      const latest = p.param_history.at(-1);
                      return (
                        <tr key={p.name}>
                          <td>
                            <Link to="/projects/$name" params={{ name: p.name }}>
                              {p.name}
                            </Link>
                          </td>
                          <td>{taskTypeRegistry[p.type].title}</td>
                          <td className="num">{latest ? `v${latest.version}` : "—"}</td>
                          <td className={styles.excerpt} title={latest?.instruction}>
                            {latest?.instruction || <span className="faint">—</span>}
                          </td>
                          <td>
                            <Timestamp value={p.created_at} short />
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            )}
          </QueryState>
        </Section>
        <CreateProjectForm />
      </div>
    </>
  );
}
