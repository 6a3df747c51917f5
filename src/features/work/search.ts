import { z } from "zod";
import { TaskType } from "../../schema";

// The queue's filters live in the URL (/work?type=…&project=…) and ride along to each task page,
// so "Next task" keeps to what the person chose.
export const WorkSearch = z.object({
  type: TaskType.optional().catch(undefined),
  project: z.string().min(1).max(200).optional().catch(undefined),
  /** Why the queue page was reached, e.g. nothing left after a Submit. */
  note: z.string().max(300).optional().catch(undefined),
});
export type WorkSearch = z.infer<typeof WorkSearch>;

/** Only the filters (what `next` takes). */
export function filterOf(search: WorkSearch): { type?: TaskType; project?: string } {
  return { ...(search.type ? { type: search.type } : {}), ...(search.project ? { project: search.project } : {}) };
}
