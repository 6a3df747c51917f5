import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearLocalDraft, moveRescuesIntoIndexedDb, readLocalDraft, rescueLocalDraft, restoreLocalDraft, writeLocalDraft, type LocalDraft } from "./localDrafts";
import { MemoryStorage } from "./memoryStorage.testkit";
import { rescueKey } from "./rescueSlot";

// A draft's browser copy: IndexedDB (fake-indexeddb) plus the page-hide rescue slot (localStorage
// with a quota): the newest wins, and opening the task moves the slot into IndexedDB.

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage(10_000);
  vi.stubGlobal("localStorage", storage);
});
afterEach(() => vi.unstubAllGlobals());

const draft = (taskId: string, changedAt: number, category: string, unsaved = 1): LocalDraft => ({ taskId, response: { category }, baseVersion: 3, changedAt, unsaved });

/** The record in IndexedDB only (not the rescue slot). */
async function inIndexedDb(taskId: string): Promise<LocalDraft | null> {
  vi.stubGlobal("localStorage", new MemoryStorage());
  const found = await readLocalDraft(taskId);
  vi.stubGlobal("localStorage", storage);
  return found;
}

describe("localDrafts with the rescue slot", () => {
  it("a change rescued at page-hide is restored when IndexedDB never got it, then moved into IndexedDB", async () => {
    await writeLocalDraft(draft("d1", 1000, "public", 0));
    expect(rescueLocalDraft(draft("d1", 2000, "private", 2))).toEqual({ kept: true });
    expect(storage.getItem(rescueKey("draft", "d1"))).toContain("private");
    expect(await readLocalDraft("d1")).toEqual(draft("d1", 2000, "private", 2));
    expect(await restoreLocalDraft("d1")).toEqual(draft("d1", 2000, "private", 2));
    expect(await inIndexedDb("d1")).toEqual(draft("d1", 2000, "private", 2));
    expect(storage.getItem(rescueKey("draft", "d1"))).toBeNull();
  });

  it("IndexedDB's newer draft wins over an older slot, which opening drops", async () => {
    rescueLocalDraft(draft("d2", 1000, "public"));
    await writeLocalDraft(draft("d2", 500, "older")); // older than the slot: the slot stays
    expect(storage.getItem(rescueKey("draft", "d2"))).not.toBeNull();
    storage.setItem(rescueKey("draft", "d2"), JSON.stringify(draft("d2", 400, "stale")));
    expect((await restoreLocalDraft("d2"))?.response).toEqual({ category: "older" });
    expect(storage.getItem(rescueKey("draft", "d2"))).toBeNull();
  });

  it("IndexedDB keeping the same change or a later one clears the slot; Submit clears everything", async () => {
    rescueLocalDraft(draft("d3", 1000, "public"));
    await writeLocalDraft(draft("d3", 1000, "public"));
    expect(storage.getItem(rescueKey("draft", "d3"))).toBeNull();
    rescueLocalDraft(draft("d3", 2000, "private"));
    await clearLocalDraft("d3");
    expect(storage.length).toBe(0);
    expect(await readLocalDraft("d3")).toBeNull();
  });

  it("a slot that doesn't fit is refused with the reason; IndexedDB still keeps the change", async () => {
    const big = { ...draft("d4", 1000, "x"), response: { text: "y".repeat(20_000) } };
    expect(rescueLocalDraft(big)).toEqual({ kept: false, reason: "this browser's local storage is full" });
    expect(await writeLocalDraft(big)).toBe(true);
    expect((await readLocalDraft("d4"))?.response).toEqual(big.response);
  });
});

describe("other tasks' rescue slots", () => {
  it("move into IndexedDB when a task opens, leaving the opened task's own slot to its page", async () => {
    rescueLocalDraft(draft("o1", 1000, "public"));
    rescueLocalDraft(draft("o2", 1000, "private"));
    await moveRescuesIntoIndexedDb("o2");
    expect(storage.getItem(rescueKey("draft", "o1"))).toBeNull();
    expect((await inIndexedDb("o1"))?.response).toEqual({ category: "public" });
    expect(storage.getItem(rescueKey("draft", "o2"))).not.toBeNull();
  });
});
