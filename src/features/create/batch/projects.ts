// Rows may name different projects (a `project` column) or versions: each row is checked against
// the template of the project version it will inherit from, picked as the create route picks it.
import { ApiError, getProject } from "../../../client";
import type { Project, TaskType } from "../../../schema";
import { templateParams, type FormContext } from "../form/validate";

/** Project name → the project, or null when there is none of that name. */
export type ProjectsByName = ReadonlyMap<string, Project | null>;

export async function fetchProjects(names: Iterable<string>): Promise<ProjectsByName> {
  const out = new Map<string, Project | null>();
  for (const name of new Set(names)) {
    try {
      out.set(name, await getProject(name));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) out.set(name, null);
      else throw e;
    }
  }
  return out;
}

function versionOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** The validation context of one row's body: its project version's template and instruction. */
export function contextForBody(body: Record<string, unknown>, type: TaskType, hasDefaultCallback: boolean, projects: ProjectsByName): FormContext {
  const base: FormContext = { hasDefaultCallback };
  const name = typeof body.project === "string" ? body.project : "";
  if (!name) return base;
  const project = projects.get(name);
  if (!project) return { ...base, projectProblem: `project: there is no project named "${name}"` };
  if (project.type !== type) return { ...base, projectProblem: `project: "${name}" is a project of ${project.type} tasks, not ${type}` };
  const wanted = versionOf(body.project_param_version);
  if (wanted === -1) return base;
  const history = project.param_history;
  const entry = wanted === undefined ? history[history.length - 1] : history.find((h) => h.version === wanted);
  if (!entry) {
    return { ...base, projectProblem: `project_param_version: project "${name}" has no version ${wanted} (latest is ${history.length - 1})` };
  }
  return {
    // A template's callback_url is the task's default, like the account's.
    hasDefaultCallback: hasDefaultCallback || typeof entry.callback_url === "string",
    inheritedParams: templateParams(entry),
    inheritedInstruction: typeof entry.instruction === "string" ? entry.instruction : undefined,
  };
}
