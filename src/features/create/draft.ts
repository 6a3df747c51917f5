// A half-filled form survives a reload: the body is kept in localStorage per task type.
import type { TaskType } from "../../schema";
import type { Body } from "./form/body";

const key = (type: TaskType) => `scale-console:create-draft:${type}`;

export function loadDraft(type: TaskType): Body | null {
  try {
    const raw = localStorage.getItem(key(type));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Body) : null;
  } catch {
    return null;
  }
}

export function saveDraft(type: TaskType, body: Body): void {
  try {
    if (Object.keys(body).length === 0) localStorage.removeItem(key(type));
    else localStorage.setItem(key(type), JSON.stringify(body));
  } catch {
    // Storage full or disabled: the form still works, it just won't survive a reload.
  }
}

export function clearDraft(type: TaskType): void {
  try {
    localStorage.removeItem(key(type));
  } catch {
    // see saveDraft
  }
}
