// Where a panel starts when there is no draft: the answer's shape with nothing chosen, so the
// validator's findings read "choose…" rather than "the whole response is missing".
import type { Task } from "../../../schema";

function blankFields(fields: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (fields && typeof fields === "object") for (const k of Object.keys(fields)) out[k] = "";
  return out;
}

const hasKeys = (v: unknown) => Boolean(v && typeof v === "object" && Object.keys(v).length > 0);

/**
 * The empty answer of the task's type; `undefined` for segmentation, whose answer is uploaded
 * masks that only exist once something is painted.
 */
export function emptyResponse(task: Task): unknown {
  const p = task.params;
  switch (task.type) {
    case "annotation":
    case "pointannotation":
    case "lineannotation":
    case "polygonannotation":
    case "cuboidannotation":
      return { annotations: [] };
    case "segmentannotation":
      return undefined;
    case "categorization":
      return p.allow_multiple === true || p.allow_multiple === "true" ? { category: [] } : {};
    case "comparison":
      return hasKeys(p.fields) ? { fields: blankFields(p.fields) } : {};
    case "transcription":
      return {
        ...(hasKeys(p.fields) ? { fields: blankFields(p.fields) } : {}),
        ...(hasKeys(p.repeatable_fields) ? { repeatable_fields: [] } : {}),
      };
    case "audiotranscription":
      return { transcript: "" };
    case "datacollection":
      return { fields: blankFields(p.fields) };
  }
}
