import { editOf } from "../kinds";
import type { KindName } from "../scene/types";
import { makeObject } from "./document";
import type { EditableTaskType, EditObject } from "./types";

// Copy and paste of objects, also between tasks of the same type (another tab, another page):
// the annotations go to localStorage under the task type, and as JSON text to the system
// clipboard when the browser lets us (best effort: reading it back needs a permission prompt).

const KEY = "scale-workbench:edit-clipboard";
/** Pasted copies land this far (image px) from their originals, so they don't hide them. */
export const PASTE_OFFSET = 10;

/** The last copy in this page, for when localStorage is unavailable (disabled, full, or tests). */
let memory: string | null = null;

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

interface ClipboardEntry {
  taskType: EditableTaskType;
  annotations: unknown[];
}

export function copyObjects(taskType: EditableTaskType, objects: readonly EditObject[]): void {
  const entry: ClipboardEntry = { taskType, annotations: objects.map((o) => o.annotation) };
  const text = JSON.stringify(entry);
  memory = text;
  try {
    storage()?.setItem(KEY, text);
  } catch {
    // Storage full or disabled: pasting in this page still works from memory.
  }
  void globalThis.navigator?.clipboard?.writeText(JSON.stringify({ annotations: entry.annotations })).catch(() => undefined);
}

/** What is on the clipboard for this task type, as new objects (fresh ids), shifted by `offset`. */
export function pastedObjects(taskType: EditableTaskType, kind: KindName, offset: number): EditObject[] {
  let entry: ClipboardEntry | null = null;
  try {
    const raw = storage()?.getItem(KEY) ?? memory;
    entry = raw ? (JSON.parse(raw) as ClipboardEntry) : null;
  } catch {
    entry = null;
  }
  if (!entry || entry.taskType !== taskType || !Array.isArray(entry.annotations)) return [];
  const def = editOf(kind);
  const out: EditObject[] = [];
  for (const raw of entry.annotations) {
    const a = def.parse(raw);
    if (a) out.push(makeObject(kind, offset === 0 ? a : def.translate(a, offset, offset)));
  }
  return out;
}

export function duplicatedObjects(objects: readonly EditObject[]): EditObject[] {
  return objects.map((o) => makeObject(o.kind, editOf(o.kind).translate(o.annotation, PASTE_OFFSET, PASTE_OFFSET)));
}
