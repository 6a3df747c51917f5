// The browser's copy of a segmentation's painting that the server may not have yet. A mask
// draft holds hosted URLs, so strokes made since the last upload would live only in memory; at
// each pause the panel encodes the masks and keeps the PNGs here (IndexedDB through idb-keyval,
// in a database of its own: idb-keyval opens one object store per database) BEFORE uploading
// them. Reopening the task restores from these bytes while they are not confirmed uploaded.
// Strokes still in the upload pause when the page goes are also copied synchronously to a
// localStorage rescue slot (rescueSlot.ts): the IndexedDB write a closing page starts may never
// commit. Reading takes the newest of the two; opening the task moves the slot into IndexedDB.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { z } from "zod";
import type { EncodedSegmentation, MaskFileRole } from "../../canvas/edit/mask/encode";
import { SegmentannotationResponse } from "../../schema";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { clearRescue, newest, readRescue, writeRescue, type RescueResult } from "./rescueSlot";

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

/** The rescue slot's format: the PNGs as base64 text (localStorage holds strings only). */
const MaskFileRoleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("indexedImage") }),
  z.object({ kind: z.literal("image") }),
  z.object({ kind: z.literal("unlabeled") }),
  z.object({ kind: z.literal("label"), label: z.string(), instance: z.number().int().nullable() }),
]) satisfies z.ZodType<MaskFileRole>;
const base64Png = z.string().transform((text, ctx) => {
  try {
    return base64ToBytes(text);
  } catch {
    ctx.addIssue({ code: "custom", message: "not base64" });
    return z.NEVER;
  }
});
const RescuedMask = z.object({
  taskId: z.string(),
  changedAt: z.number(),
  labelMapping: SegmentannotationResponse.shape.labelMapping,
  unlabeled: z.number().int().min(0),
  files: z.array(z.object({ role: MaskFileRoleSchema, png: base64Png })).min(1),
});

/**
 * Page-hide: copy the masks to the rescue slot now, synchronously (before the document goes).
 * Not kept (too large, storage full) is reported; the IndexedDB write still runs.
 */
export function rescueLocalMask(mask: LocalMask): RescueResult {
  const { files, labelMapping, unlabeled } = mask.encoded;
  return writeRescue("mask", mask.taskId, { taskId: mask.taskId, changedAt: mask.changedAt, labelMapping, unlabeled, files: files.map((f) => ({ role: f.role, png: bytesToBase64(f.png) })) });
}

function readRescuedMask(taskId: string): LocalMask | null {
  const r = readRescue("mask", taskId, RescuedMask);
  return r ? { taskId: r.taskId, changedAt: r.changedAt, encoded: { files: r.files, labelMapping: r.labelMapping, unlabeled: r.unlabeled } } : null;
}

async function readKeptMask(taskId: string): Promise<LocalMask | null> {
  try {
    return (await get<LocalMask>(taskId, db())) ?? null;
  } catch {
    return null;
  }
}

/** The newest painting this browser keeps (IndexedDB or the rescue slot). IndexedDB can be missing (private windows of some browsers): the upload still runs. */
export async function readLocalMask(taskId: string): Promise<LocalMask | null> {
  return newest(await readKeptMask(taskId), readRescuedMask(taskId));
}

/**
 * Opening the task: the newest painting kept, with a rescue copy moved into IndexedDB (the slot
 * is cleared once IndexedDB has it, or when IndexedDB already holds something newer).
 */
export async function restoreLocalMask(taskId: string): Promise<LocalMask | null> {
  const kept = await readKeptMask(taskId);
  const rescued = readRescuedMask(taskId);
  const found = newest(kept, rescued);
  if (found && found === rescued) await writeLocalMask(found);
  else if (kept && rescued) clearRescue("mask", taskId, kept.changedAt);
  return found;
}

export async function writeLocalMask(mask: LocalMask): Promise<boolean> {
  try {
    await set(mask.taskId, mask, db());
  } catch {
    return false;
  }
  // IndexedDB has it: a rescue copy of this painting or an older one is no longer needed.
  clearRescue("mask", mask.taskId, mask.changedAt);
  return true;
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
  // In the draft: a rescue copy of this painting or an older one is done with too.
  clearRescue("mask", taskId, changedAt);
}

/** The task is submitted or finished: nothing of it is needed any more. */
export async function clearLocalMask(taskId: string): Promise<void> {
  clearRescue("mask", taskId);
  try {
    await del(taskId, db());
  } catch {
    // Nothing kept, nothing to clear.
  }
}
