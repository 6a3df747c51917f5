// /projects: every project of the account, and a form to create one.
import { Link } from "@tanstack/react-router";
import { useProjects } from "../../client";
import { taskTypeRegistry } from "../../schema";
import { EmptyState, PageHeader, QueryState, Section, Timestamp } from "../tasks";
import { CreateProjectForm } from "./CreateProjectForm";
import { excerptOf } from "./excerpt";
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
              <div className={styles.tableScroll}>
              <table className={`table ${styles.projectsTable}`} aria-label="Projects">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Type</th>
                    <th className="num">Version</th>
                    <th className={styles.instructionCol}>Instruction</th>
                    <th>Created</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((p) => {
                      const latest = p.param_history.at(-1);
                      const instruction = latest?.instruction ?? "";
                      return (
                        <tr key={p.name}>
                          <td className={styles.nameCol}>
                            <Link to="/projects/$name" params={{ name: p.name }}>
                              {p.name}
                            </Link>
                          </td>
                          <td className={styles.typeCol}>{taskTypeRegistry[p.type].title}</td>
                          <td className={`num ${styles.versionCol}`}>{latest ? `v${latest.version}` : "—"}</td>
                          <td className={styles.instructionCol}>
                            {instruction.trim() ? (
                              <span className={styles.excerpt} title={excerptOf(instruction, 400)}>
                                {excerptOf(instruction)}
                              </span>
                            ) : (
                              <span className="faint">—</span>
                            )}
                          </td>
                          <td className={styles.createdCol}>
                            <Timestamp value={p.created_at} short />
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
              </div>
            )}
          </QueryState>
        </Section>
        <CreateProjectForm />
      </div>
    </>
  );
}
