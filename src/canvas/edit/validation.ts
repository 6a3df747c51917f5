import { checkVectorResponse, Issues, isVectorTaskType } from "../../geometry/validate";
import type { EditDocument, EditorParams } from "./types";
import { toWireResponse } from "./document";

/** One finding of the shared validator, tied to the object it names when it names one. */
export interface ObjectIssue {
  objectId: string | null;
  /** The wire path, e.g. `response.annotations[3].width`. */
  path: string;
  message: string;
}

export interface EditorValidation {
  ok: boolean;
  issues: ObjectIssue[];
  /** Object ids with at least one issue. */
  objectIds: ReadonlySet<string>;
}

const INDEX = /^response\.annotations\[(\d+)\]/;

/**
 * The document checked by the same rules as the server's response validator
 * (src/geometry/validate), with each finding mapped back to its object.
 */
export function validateDocument(params: EditorParams, doc: EditDocument): EditorValidation {
  if (!isVectorTaskType(params.taskType)) return { ok: true, issues: [], objectIds: new Set() };
  const issues = new Issues();
  checkVectorResponse(params.taskType, params.raw, toWireResponse(doc), params.image, issues, { paramsParsed: true });
  const out: ObjectIssue[] = issues.entries.map((e) => {
    const m = INDEX.exec(e.path);
    const objectId = m ? (doc.objects[Number(m[1])]?.id ?? null) : null;
    return { objectId, path: e.path, message: e.message };
  });
  // Zod findings (the wire shape itself) come pre-written, without a separate path.
  const written = new Set(issues.entries.map((e) => `${e.path}: ${e.message}`));
  for (const line of issues.list) if (!written.has(line)) out.push({ objectId: null, path: "", message: line });
  return { ok: issues.ok, issues: out, objectIds: new Set(out.flatMap((i) => (i.objectId ? [i.objectId] : []))) };
}
