// The browser's copy of a segmentation's painting that the server may not have yet. A mask
// draft holds hosted URLs, so strokes made since the last upload would live only in memory; at
// each pause the panel encodes the masks and keeps the PNGs here (IndexedDB through idb-keyval,
// in a database of its own: idb-keyval opens one object store per database) BEFORE uploading
// them. Reopening the task restores from these bytes while they are not confirmed uploaded.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import type { EncodedSegmentation } from "../../canvas/edit/mask/encode";

export interface LocalMask {
  taskId: string;
  /** The encoded masks (indexed image, colour image, one PNG per label) and their labelMapping. */
  encoded: EncodedSegmentation;
  /** Epoch ms of the painting these bytes hold: identifies the record (a newer one replaces it). */
  changedAt: number;
}

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore("scale-workbench-masks", "masks");
  return store;
}

/** IndexedDB can be missing (private windows of some browsers): the upload still runs. */
export async function readLocalMask(taskId: string): Promise<LocalMask | null> {
  try {
    return (await get<LocalMask>(taskId, db())) ?? null;
  } catch {
    return null;
  }
}

export async function writeLocalMask(mask: LocalMask): Promise<boolean> {
  try {
    await set(mask.taskId, mask, db());
    return true;
  } catch {
    return false;
  }
}

/**
 * The masks painted at `changedAt` are uploaded and in the draft: drop them, unless a newer
 * painting replaced them meanwhile (read and delete in one transaction, so a write that lands
 * between the two is never lost).
 */
export async function settleLocalMask(taskId: string, changedAt: number): Promise<void> {
  try {
    await db()("readwrite", (s) => {
      const read = s.get(taskId);
      read.onsuccess = () => {
        if ((read.result as LocalMask | undefined)?.changedAt === changedAt) s.delete(taskId);
      };
      return new Promise<void>((resolve, reject) => {
        s.transaction.oncomplete = () => resolve();
        s.transaction.onerror = () => reject(s.transaction.error);
      });
    });
  } catch {
    // Kept: the next open restores and uploads it again (the server names files by hash).
  }
}

/** The task is submitted or finished: nothing of it is needed any more. */
export async function clearLocalMask(taskId: string): Promise<void> {
  try {
    await del(taskId, db());
  } catch {
    // Nothing kept, nothing to clear.
  }
}
