// The browser's copy of every draft (IndexedDB through idb-keyval: a tiny, well-kept promise
// wrapper; localStorage would block the page and cap at a few MB, too small for segmentation).
// It holds what the server may not have yet: written on every change, cleared after Submit.
// The last change's write may still be running when the tab closes, and the browser aborts a
// closing document's transactions: the page then copies the draft synchronously to a
// localStorage rescue slot (rescueSlot.ts). Reading takes the newest of the two; opening the
// task moves the slot into IndexedDB.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { z } from "zod";
import { clearLocalMask, restoreLocalMask } from "./localMasks";
import { clearRescue, listRescues, newest, readRescue, writeRescue, type RescueResult } from "./rescueSlot";

export const LocalDraft = z.object({
  taskId: z.string(),
  response: z.unknown(),
  /** The server draft version these changes start from. */
  baseVersion: z.number().int().min(0),
  /** Epoch ms of the last change. */
  changedAt: z.number(),
  /** Changes the server has not confirmed yet. */
  unsaved: z.number().int().min(0),
});
export type LocalDraft = z.infer<typeof LocalDraft>;

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore("scale-workbench", "drafts");
  return store;
}

async function readKeptDraft(taskId: string): Promise<LocalDraft | null> {
  try {
    return ((await get<LocalDraft>(taskId, db())) ?? null) as LocalDraft | null;
  } catch {
    return null;
  }
}

/** The newest draft this browser keeps. IndexedDB can be missing (private windows of some browsers): the server draft still works. */
export async function readLocalDraft(taskId: string): Promise<LocalDraft | null> {
  return newest(await readKeptDraft(taskId), readRescue("draft", taskId, LocalDraft));
}

/**
 * Opening the task: the newest draft kept, with a rescue copy moved into IndexedDB (the slot is
 * cleared once IndexedDB has it, or when IndexedDB already holds something newer).
 */
export async function restoreLocalDraft(taskId: string): Promise<LocalDraft | null> {
  const kept = await readKeptDraft(taskId);
  const rescued = readRescue("draft", taskId, LocalDraft);
  const found = newest(kept, rescued);
  if (found && found === rescued) await writeLocalDraft(found);
  else if (kept && rescued) clearRescue("draft", taskId, kept.changedAt);
  return found;
}

/**
 * Other tasks' slots (tabs closed on them) move into IndexedDB too, so localStorage's few MB are
 * not used up by tasks nobody reopens here; their work waits in IndexedDB as any kept draft does.
 */
export async function moveRescuesIntoIndexedDb(except: string): Promise<void> {
  for (const { kind, taskId } of listRescues()) {
    if (taskId === except) continue;
    await (kind === "draft" ? restoreLocalDraft(taskId) : restoreLocalMask(taskId));
  }
}

export async function writeLocalDraft(draft: LocalDraft): Promise<boolean> {
  try {
    await set(draft.taskId, draft, db());
  } catch {
    return false;
  }
  // IndexedDB has it: a rescue copy of this change or an older one is no longer needed.
  clearRescue("draft", draft.taskId, draft.changedAt);
  return true;
}

/** Page-hide: copy the draft to the rescue slot now, synchronously (before the document goes). */
export function rescueLocalDraft(draft: LocalDraft): RescueResult {
  return writeRescue("draft", draft.taskId, draft);
}

export async function clearLocalDraft(taskId: string): Promise<void> {
  // A segmentation's painting kept before its upload goes with the draft.
  await clearLocalMask(taskId);
  clearRescue("draft", taskId);
  try {
    await del(taskId, db());
  } catch {
    // Nothing kept, nothing to clear.
  }
}
