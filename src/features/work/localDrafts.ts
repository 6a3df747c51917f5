// The browser's copy of every draft (IndexedDB through idb-keyval: a tiny, well-kept promise
// wrapper; localStorage would block the page and cap at a few MB, too small for segmentation).
// It holds what the server may not have yet: written on every change, cleared after Submit.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { clearLocalMask } from "./localMasks";

export interface LocalDraft {
  taskId: string;
  response: unknown;
  /** The server draft version these changes start from. */
  baseVersion: number;
  /** Epoch ms of the last change. */
  changedAt: number;
  /** Changes the server has not confirmed yet. */
  unsaved: number;
}

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore("scale-workbench", "drafts");
  return store;
}

/** IndexedDB can be missing (private windows of some browsers): the server draft still works. */
export async function readLocalDraft(taskId: string): Promise<LocalDraft | null> {
  try {
    return ((await get<LocalDraft>(taskId, db())) ?? null) as LocalDraft | null;
  } catch {
    return null;
  }
}

export async function writeLocalDraft(draft: LocalDraft): Promise<boolean> {
  try {
    await set(draft.taskId, draft, db());
    return true;
  } catch {
    return false;
  }
}

export async function clearLocalDraft(taskId: string): Promise<void> {
  // A segmentation's painting kept before its upload goes with the draft.
  await clearLocalMask(taskId);
  try {
    await del(taskId, db());
  } catch {
    // Nothing kept, nothing to clear.
  }
}
