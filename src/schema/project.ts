import { z } from "zod";
import { formBoolean } from "./form";
import { TaskType } from "./registry";

/**
 * Project params. The docs support only `instruction` (appended to the instruction of every task
 * created under the project); other keys are kept in the history as given.
 */
export const ProjectParams = z.looseObject({
  instruction: z.string({ error: "must be a string" }).optional(),
});
export type ProjectParams = z.infer<typeof ProjectParams>;

const projectName = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required" })
  .max(200, { error: "must be at most 200 characters" })
  .regex(/^[^/?#]+$/, { error: "must not contain / ? or #" });

export const ProjectCreate = z.object({
  type: TaskType,
  name: projectName,
  params: ProjectParams.default({}),
});
export type ProjectCreate = z.infer<typeof ProjectCreate>;

/** `POST /v1/projects/:name/setParams`; `patch: true` merges into the latest params. */
export const ProjectSetParams = ProjectParams.extend({ patch: formBoolean.default(false) });
export type ProjectSetParams = z.infer<typeof ProjectSetParams>;

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
