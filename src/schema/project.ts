import { z } from "zod";
import { formBoolean } from "./form";
import { TaskType, taskTypeRegistry } from "./registry";
import { TaskCreateFields, TaskInstruction } from "./task";

/**
 * Project params: a template for the project's tasks. The docs only name `instruction` (appended
 * to every task's instruction), but the official Python client 1.x creates projects with any task
 * params, and tasks inherit each one they don't set themselves. Every key that a task also takes
 * (the task's own fields, the params of the project's type) obeys the task's schema for it, so a
 * project never holds what a task would refuse (see `checkProjectParams`); the template need not
 * be complete, and params that depend on each other are checked again, merged, on each task.
 * Other keys are kept in the history as given.
 */
export const ProjectParams = z.looseObject(
  { instruction: TaskInstruction.optional() },
  { error: 'must be an object of params such as {"instruction": "…"} (a form sends params[instruction]=…)' },
);
export type ProjectParams = z.infer<typeof ProjectParams>;

type Issues = Pick<z.RefinementCtx, "addIssue">;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The schema a task applies to a field of this name, if a task of this type takes one. */
function taskFieldSchema(type: TaskType, key: string): z.ZodType | undefined {
  if (key === "instruction") return TaskInstruction;
  const own: Record<string, z.ZodType> = TaskCreateFields.shape;
  if (Object.hasOwn(own, key)) return own[key];
  const params = taskTypeRegistry[type].params;
  const shape: Record<string, z.ZodType> | undefined = params instanceof z.ZodObject ? params.shape : undefined;
  return shape && Object.hasOwn(shape, key) ? shape[key] : undefined;
}

/** Fields that name one task, which a template shared by many tasks can't hold. */
const PER_TASK_FIELDS = ["unique_id", "project", "project_param_version"];

/** Checks each param against the task's schema for it; issues are reported under `at`. */
function checkProjectParams(type: TaskType, params: ProjectParams, ctx: Issues, at: PropertyKey[]): ProjectParams {
  const out: ProjectParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (PER_TASK_FIELDS.includes(key)) {
      ctx.addIssue({ code: "custom", message: "belongs to one task, not to a project's params (every task created under the project would inherit it)", path: [...at, key] });
      continue;
    }
    const schema = taskFieldSchema(type, key);
    if (!schema) {
      out[key] = value;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [...at, key, ...issue.path] });
  }
  return out;
}

const projectName = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required" })
  .max(200, { error: "must be at most 200 characters" })
  .regex(/^[^/?#]+$/, { error: "must not contain / ? or #" });

const PROJECT_FIELDS = ["type", "name", "params"];

/**
 * `POST /v1/projects`. People write `-d instruction=…` as often as the docs' `params[instruction]`,
 * so a top-level `instruction` is taken as the params' one; any other unknown top-level field is
 * refused with where it belongs, never silently dropped. An empty instruction means none.
 */
export const ProjectCreate = z
  .looseObject({
    type: TaskType,
    name: projectName,
    params: ProjectParams.default({}),
    instruction: TaskInstruction.optional(),
  })
  .transform((body, ctx) => {
    const { type, name, params: given, instruction, ...unknown } = body;
    for (const key of Object.keys(unknown)) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `is not a field of a project (it takes ${PROJECT_FIELDS.join(", ")}); task parameters go in params[${key}], and tasks created under the project inherit them`,
      });
    }
    if (instruction !== undefined && given.instruction !== undefined && instruction !== given.instruction) {
      ctx.addIssue({ code: "custom", path: ["instruction"], message: "is given both at the top level and as params[instruction]; give it once" });
    }
    const params = checkProjectParams(type, { ...given, ...(instruction !== undefined ? { instruction } : {}) }, ctx, ["params"]);
    if (typeof params.instruction === "string" && !params.instruction.trim()) delete params.instruction;
    return { type, name, params };
  });
export type ProjectCreate = z.output<typeof ProjectCreate>;

/**
 * `POST /v1/projects/:name/setParams` for a project of `type`: the new params at the top level,
 * `patch: true` merges them into the latest. Every call saves a version, so one that would save
 * an empty instruction, or nothing at all, is refused rather than silently clearing it.
 * `{"params": {...}}` (the shape of project creation) is read as those params.
 */
export function projectSetParamsSchema(type: TaskType) {
  const body = z.looseObject({ patch: formBoolean.default(false) }, { error: 'the body must be the new params, such as {"instruction": "…"}' });
  return body.transform((input, ctx) => {
    const { patch, ...raw } = input;
    let given: Record<string, unknown> = raw;
    if (isPlainObject(raw.params)) {
      const { params, ...rest } = raw;
      if (Object.keys(rest).length > 0) {
        ctx.addIssue({ code: "custom", path: ["params"], message: `give the params either at the top level or under params, not both (found ${Object.keys(rest).join(", ")} beside it)` });
      }
      given = params as Record<string, unknown>;
    }
    for (const key of ["type", "name"]) {
      if (key in given) ctx.addIssue({ code: "custom", path: [key], message: `a project's ${key} can't be changed by setParams` });
    }
    const parsed = ProjectParams.safeParse(given);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    const params = checkProjectParams(type, parsed.data, ctx, []);
    if (typeof params.instruction === "string" && !params.instruction.trim()) {
      ctx.addIssue({ code: "custom", path: ["instruction"], message: "must not be empty; every setParams saves a new version (leave instruction out and send patch: true to change other params only)" });
    } else if (Object.keys(parsed.data).length === 0) {
      ctx.addIssue({ code: "custom", path: ["instruction"], message: "is required: setParams saves a new version of the project's params, and this request has none" });
    }
    return { patch, params };
  });
}
export type ProjectSetParams = z.output<ReturnType<typeof projectSetParamsSchema>>;
/** setParams' body as documented (OpenAPI): the params at the top level, and `patch`. */
export const ProjectSetParamsBody = ProjectParams.extend({ patch: formBoolean.default(false) });

export const ParamHistoryEntry = z.looseObject({
  instruction: z.string().optional(),
  version: z.number().int(),
  created_at: z.string(),
});
export type ParamHistoryEntry = z.infer<typeof ParamHistoryEntry>;

export const Project = z.object({
  type: TaskType,
  name: z.string(),
  param_history: z.array(ParamHistoryEntry),
  created_at: z.string(),
});
export type Project = z.infer<typeof Project>;
