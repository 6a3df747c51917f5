// Submit's check: the server's own rules (src/geometry/validate), with every finding as a path
// into the response so a panel can show it on the field or object it concerns.
import { checkTaskResponse, Issues } from "../../../geometry/validate";
import type { Task } from "../../../schema";
import { emptyResponse } from "./empty";
import { MASKS_PENDING_MESSAGE, masksPending } from "./maskPending";
import type { WorkIssue } from "./types";

/**
 * `response.annotations[3].label` → `["annotations", 3, "label"]`. Findings about the task's own
 * params (they were valid when it was created) keep a `"params"` head so they are never mistaken
 * for a field of the answer.
 */
export function pathOf(wirePath: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of wirePath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  if (out[0] === "response") out.shift();
  return out;
}

/** Every finding of the shared validator on this response (none: the server will accept it). */
export function validateWorkResponse(task: Task, response: unknown): WorkIssue[] {
  const value = response === undefined ? emptyResponse(task) : response;
  if (value === undefined) return [{ path: [], message: nothingYetMessage(task) }];
  if (masksPending(value)) return [{ path: [], message: MASKS_PENDING_MESSAGE }];
  const issues = new Issues();
  // The image's size is the server's to know (it fetched it); the editor checks bounds itself.
  checkTaskResponse(task.type, task.params, value, null, issues);
  const out: WorkIssue[] = [...issues.shapeEntries, ...issues.entries].map((e) => ({ path: pathOf(e.path), message: e.message }));
  if (out.length === 0 && !issues.ok) out.push(...issues.list.map((message) => ({ path: [], message })));
  return out;
}

function nothingYetMessage(task: Task): string {
  return task.type === "segmentannotation" ? "Nothing painted yet: paint the mask, then submit" : "Nothing answered yet";
}

/** The issues about `path` or anything inside it. */
export function issuesAt(issues: readonly WorkIssue[], path: readonly (string | number)[]): WorkIssue[] {
  return issues.filter((i) => path.every((p, k) => i.path[k] === p));
}

/** "fields.name" style text for a path, for lists of findings. */
export function pathText(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
