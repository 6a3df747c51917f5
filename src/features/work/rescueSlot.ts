// The page-hide rescue copy of a task's work: one slot per task and kind in localStorage, written
// SYNCHRONOUSLY as the page goes (beforeunload, pagehide). IndexedDB is where work is kept, but a
// transaction started while a document is torn down (or still running when it goes) is aborted
// by the browser, so under load the last change before a close would be lost; a localStorage
// write is complete when setItem returns. The slot is bounded (localStorage holds a few MB per
// site): a copy that doesn't fit says so, and the IndexedDB write still runs as before. On the
// next open the newest of the slot and IndexedDB wins, and the slot is moved into IndexedDB.
import type { z } from "zod";

export type RescueKind = "draft" | "mask";

/** The largest copy one slot takes, in characters (localStorage counts UTF-16: ~4 MB here). */
export const RESCUE_MAX_CHARS = 2_000_000;

export type RescueResult = { kept: true } | { kept: false; reason: string };

/** Every slot's value carries when its work was made: the newest copy wins, older ones are dropped. */
interface Stamped {
  changedAt: number;
}

export function rescueKey(kind: RescueKind, taskId: string): string {
  return `scale-workbench.rescue.${kind}.${taskId}`;
}

/** localStorage can be missing or refuse access (storage disabled, sandboxed frames, Node). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === "QuotaExceededError" || e.code === 22);
}

/** Synchronous: when this returns `{ kept: true }` the copy is on disk as far as the page can tell. */
export function writeRescue<T extends Stamped>(kind: RescueKind, taskId: string, value: T): RescueResult {
  const s = storage();
  if (!s) return { kept: false, reason: "this browser's local storage is not available" };
  const text = JSON.stringify(value);
  if (text.length > RESCUE_MAX_CHARS) return { kept: false, reason: `too large to keep at once (${Math.ceil(text.length / 1024)} KB of text, at most ${RESCUE_MAX_CHARS / 1000} KB)` };
  try {
    s.setItem(rescueKey(kind, taskId), text);
    return { kept: true };
  } catch (e) {
    return { kept: false, reason: isQuotaError(e) ? "this browser's local storage is full" : e instanceof Error ? e.message : String(e) };
  }
}

/** The slot's copy, or null. A slot that can't be read back as `schema` is dropped (it can't be restored). */
export function readRescue<T extends Stamped>(kind: RescueKind, taskId: string, schema: z.ZodType<T>): T | null {
  const s = storage();
  const text = s?.getItem(rescueKey(kind, taskId)) ?? null;
  if (!s || text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  s.removeItem(rescueKey(kind, taskId));
  return null;
}

/** When the slot's copy was made, without decoding the rest (null: no slot, or not readable). */
function slotChangedAt(text: string): number | null {
  try {
    const v = (JSON.parse(text) as { changedAt?: unknown }).changedAt;
    return typeof v === "number" ? v : null;
  } catch {
    return null;
  }
}

/**
 * Work made at `upTo` or later is kept elsewhere (in IndexedDB, or in the server's draft): drop
 * the slot if its copy is no newer. Without `upTo` (the task is submitted) drop it whatever it holds.
 */
export function clearRescue(kind: RescueKind, taskId: string, upTo?: number): void {
  const s = storage();
  const text = s?.getItem(rescueKey(kind, taskId)) ?? null;
  if (!s || text === null) return;
  const at = slotChangedAt(text);
  if (upTo === undefined || at === null || at <= upTo) s.removeItem(rescueKey(kind, taskId));
}

/** Every slot in this browser (another task's, left by a tab closed on it). */
export function listRescues(): { kind: RescueKind; taskId: string }[] {
  const s = storage();
  if (!s) return [];
  const found: { kind: RescueKind; taskId: string }[] = [];
  for (let i = 0; i < s.length; i++) {
    const m = /^scale-workbench\.rescue\.(draft|mask)\.(.+)$/.exec(s.key(i) ?? "");
    if (m) found.push({ kind: m[1] as RescueKind, taskId: m[2] });
  }
  return found;
}

/** Newest wins; on a tie the slot's copy, written at page-hide from the page's latest state. */
export function newest<T extends Stamped>(kept: T | null, rescued: T | null): T | null {
  if (!kept) return rescued;
  if (!rescued) return kept;
  return rescued.changedAt >= kept.changedAt ? rescued : kept;
}
