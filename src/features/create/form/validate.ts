// Checks the create body with the server's own schemas and the server's own wording
// (`describeZodError`), one message per problem, keyed by the top-level wire field it belongs to,
// so each can be shown beside its control while the user types.
import { z } from "zod";
import { TASK_CREATE_FIELDS, TaskCreateFields, describeZodError, taskTypeRegistry, type TaskType } from "../../../schema";

export interface FormContext {
  /** The account has a default callback URL, so callback_url may be left empty. */
  hasDefaultCallback: boolean;
  /** Params the chosen project version passes on to its tasks (its template), instruction excluded. */
  inheritedParams?: Record<string, unknown>;
  /** The chosen project version's instruction, appended to the task's. */
  inheritedInstruction?: string;
  /** Why the chosen project (or version) can't be used, in the server's words. */
  projectProblem?: string | null;
}

export interface FormErrors {
  /** Messages per top-level wire name; "" holds problems of the request as a whole. */
  byField: Record<string, string[]>;
  count: number;
}

const PROJECT_KEYS = new Set(["instruction", "version", "created_at"]);

/** A project history entry's params other than its instruction and bookkeeping. */
export function templateParams(entry: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry ?? {})) if (!PROJECT_KEYS.has(k)) out[k] = v;
  return out;
}

/** Splits a create body as the server does: the task's own fields, and every other key as a param. */
export function splitBody(body: Record<string, unknown>) {
  const own: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if ((TASK_CREATE_FIELDS as string[]).includes(key)) own[key] = value;
    else params[key] = value;
  }
  return { own, params };
}

function add(out: FormErrors, field: string, message: string) {
  (out.byField[field] ??= []).push(message);
  out.count += 1;
}

function collect(out: FormErrors, error: z.ZodError, input: unknown) {
  for (const issue of error.issues) {
    // One issue at a time through the server's formatter: the exact line the server would answer.
    const message = describeZodError(new z.ZodError([issue]), input);
    add(out, typeof issue.path[0] === "string" ? issue.path[0] : "", message);
  }
}

export function validateBody(type: TaskType, body: Record<string, unknown>, ctx: FormContext): FormErrors {
  const out: FormErrors = { byField: {}, count: 0 };
  const { own: given, params } = splitBody(body);
  // The project is a template: its task fields and params are defaults the body overrides (as the create route merges them).
  const template = splitBody(templateParams(ctx.inheritedParams));
  const own = { ...template.own, ...given };
  const fields = TaskCreateFields.safeParse(own);
  if (!fields.success) collect(out, fields.error, own);

  const withTemplate = { ...template.params, ...params };
  const parsed = taskTypeRegistry[type].params.safeParse(withTemplate);
  if (!parsed.success) collect(out, parsed.error, withTemplate);

  // The create route's own rules, in its words (src/server/tasks/create.ts).
  const instruction = typeof own.instruction === "string" ? own.instruction : "";
  const joined = ctx.inheritedInstruction ? (instruction ? `${instruction}\n\n${ctx.inheritedInstruction}` : ctx.inheritedInstruction) : instruction;
  if (taskTypeRegistry[type].instructionRequired && !joined.trim() && !out.byField.instruction) {
    add(out, "instruction", `instruction: is required for ${type} tasks`);
  }
  if ((own.callback_url === undefined || own.callback_url === "") && !ctx.hasDefaultCallback && !out.byField.callback_url) {
    add(out, "callback_url", "callback_url: is required (this account has no default callback URL)");
  }
  if (ctx.projectProblem) add(out, ctx.projectProblem.startsWith("project_param_version") ? "project_param_version" : "project", ctx.projectProblem);
  if (own.project_param_version !== undefined && own.project === undefined) {
    add(out, "project_param_version", "project_param_version: only makes sense together with project");
  }
  return out;
}
