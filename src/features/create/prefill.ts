// "Create similar": a create body from an existing task — its params, instruction, urgency,
// callback, metadata and project — minus what must be new (unique_id) and minus the project's
// instruction that the server appended (it is appended again on create).
import { z } from "zod";
import { getProject, getTask } from "../../client";
import type { Task } from "../../schema";
import type { Body } from "./form/body";

/** The create page's search params: `?from=<taskId>` or `?project=<name>`. */
export const CreateSearch = z.object({
  from: z.string().regex(/^[0-9a-f]{24}$/i).optional().catch(undefined),
  project: z.string().min(1).optional().catch(undefined),
});
export type CreateSearch = z.infer<typeof CreateSearch>;

export function bodyFromTask(task: Task, projectInstruction?: string): Body {
  const body: Body = { ...task.params };
  let instruction = task.instruction;
  if (projectInstruction) {
    if (instruction === projectInstruction) instruction = "";
    else if (instruction.endsWith(`\n\n${projectInstruction}`)) instruction = instruction.slice(0, -projectInstruction.length - 2);
  }
  if (instruction) body.instruction = instruction;
  if (task.urgency !== "standard") body.urgency = task.urgency;
  if (task.callback_url) body.callback_url = task.callback_url;
  if (Object.keys(task.metadata).length) body.metadata = task.metadata;
  if (task.project) {
    body.project = task.project;
    if (task.project_param_version !== undefined) body.project_param_version = task.project_param_version;
  }
  return body;
}

export async function prefillFromTask(taskId: string): Promise<{ task: Task; body: Body }> {
  const task = await getTask(taskId);
  let projectInstruction: string | undefined;
  if (task.project && task.project_param_version !== undefined && task.project_param_version >= 0) {
    const project = await getProject(task.project).catch(() => null);
    const entry = project?.param_history.find((h) => h.version === task.project_param_version);
    projectInstruction = typeof entry?.instruction === "string" ? entry.instruction : undefined;
  }
  return { task, body: bodyFromTask(task, projectInstruction) };
}
