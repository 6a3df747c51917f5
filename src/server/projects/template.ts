import { TASK_CREATE_FIELDS, TaskInstruction, type TaskCreateFields, type TaskType } from "../../schema";
import type { Db } from "../store/db";
import { getProject } from "../store/projects";
import { badRequest } from "../http/errors";
import type { Scope } from "../store/tasks";

/**
 * A project is a template for its tasks: every param of a version (the task's own fields such as
 * `callback_url` or `urgency`, and the params of its type) is a default the task's body may
 * override; the instruction is appended rather than replaced, as the docs' Projects section says.
 */
export interface ProjectTemplate {
  project: string | null;
  /** The version inherited from, `-1` when the task asked for none, null without a project. */
  paramVersion: number | null;
  /** The task's instruction with the project's appended. */
  instruction: string;
  /** Defaults for the task's own fields (`callback_url`, `urgency`, `metadata`). */
  fields: Record<string, unknown>;
  /** Defaults for the params of the task's type. */
  params: Record<string, unknown>;
}

/**
 * Keys of a history entry that are not inherited: the history's own bookkeeping, the instruction
 * (appended, not defaulted), and the fields that only make sense per task.
 */
const NOT_INHERITED = new Set(["version", "created_at", "instruction", "unique_id", "project", "project_param_version"]);

/** The project's instruction is appended to the task's, as the docs' Projects section says. */
function joinInstructions(task: string, project: string | undefined): string {
  if (!project) return task;
  return task ? `${task}\n\n${project}` : project;
}

/** Splits one history entry into defaults for the task's own fields and for its type's params. */
function defaultsOf(entry: Record<string, unknown>): Pick<ProjectTemplate, "fields" | "params"> {
  const fields: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (NOT_INHERITED.has(key)) continue;
    if ((TASK_CREATE_FIELDS as string[]).includes(key)) fields[key] = value;
    else params[key] = value;
  }
  return { fields, params };
}

/**
 * Resolves what a task inherits from the project it names (none without one). Throws the 400 a
 * create request answers for an unknown project, a project of another type, a missing version, or
 * an instruction that only the joining makes too long.
 */
export async function resolveProjectTemplate(
  db: Db,
  scope: Scope,
  type: TaskType,
  fields: Pick<TaskCreateFields, "project" | "project_param_version" | "instruction">,
): Promise<ProjectTemplate> {
  const own = fields.instruction ?? "";
  if (fields.project === undefined) {
    if (fields.project_param_version !== undefined) throw badRequest("project_param_version: only makes sense together with project");
    return { project: null, paramVersion: null, instruction: own, fields: {}, params: {} };
  }
  const found = await getProject(db, scope, fields.project);
  if (!found) throw badRequest(`project: there is no project named "${fields.project}"`);
  if (found.project.type !== type) {
    throw badRequest(`project: "${fields.project}" is a project of ${found.project.type} tasks, not ${type}`);
  }
  const name = found.project.name;
  const history = found.project.param_history;
  const wanted = fields.project_param_version;
  if (wanted === -1) return { project: name, paramVersion: -1, instruction: own, fields: {}, params: {} };

  const entry = wanted === undefined ? history[history.length - 1] : history.find((h) => h.version === wanted);
  if (!entry) {
    throw badRequest(`project_param_version: project "${fields.project}" has no version ${wanted} (latest is ${history.length - 1})`);
  }
  const inherited = typeof entry.instruction === "string" ? entry.instruction : undefined;
  const instruction = joinInstructions(own, inherited);
  // Each part may be within the limit while the two joined are not: the task keeps the limit.
  const joined = TaskInstruction.safeParse(instruction);
  if (!joined.success) {
    throw badRequest(
      `instruction: this task's instruction (${own.length} characters) with the instruction of project "${name}" ` +
        `version ${entry.version} (${inherited?.length ?? 0} characters) appended is ${instruction.length} characters and ${joined.error.issues[0].message}; ` +
        "shorten one of them, or send project_param_version: -1 to skip inheritance",
    );
  }
  return { project: name, paramVersion: entry.version, instruction, ...defaultsOf(entry) };
}
