import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRaster, fillPolygon } from "../../geometry";
import { initialClasses } from "../../canvas/edit/mask/classes";
import { encodeSegmentation } from "../../canvas/edit/mask/encode";
import { indicesFromIndexedPng } from "../../canvas/edit/mask/decode";
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./localDrafts";
import { clearLocalMask, readLocalMask, rescueLocalMask, restoreLocalMask, settleLocalMask, writeLocalMask } from "./localMasks";
import { MemoryStorage } from "./memoryStorage.testkit";
import { rescueKey } from "./rescueSlot";

// The browser's copy of painting not uploaded yet, on a real IndexedDB implementation
// (fake-indexeddb: the spec's algorithms in memory, so structured clone and transactions behave
// as in a browser).

const params = { labels: ["horse"], instance_labels: [], allow_unlabeled: true };

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage(200_000);
  vi.stubGlobal("localStorage", storage);
});
afterEach(() => vi.unstubAllGlobals());

/** The record in IndexedDB only (not the rescue slot). */
async function inIndexedDb(taskId: string): Promise<number | null> {
  const held = new MemoryStorage();
  vi.stubGlobal("localStorage", held);
  const found = await readLocalMask(taskId);
  vi.stubGlobal("localStorage", storage);
  return found?.changedAt ?? null;
}

/** A 4×3 painting: the left half labelled "horse" (index 1 in the editor's classes). */
function encoded() {
  const raster = createRaster(4, 3);
  fillPolygon(raster, [0, 0, 2, 0, 2, 3, 0, 3], 1);
  return encodeSegmentation(raster, initialClasses(params), params);
}

describe("localMasks", () => {
  it("keeps the encoded masks byte for byte, and they decode to the same painting", async () => {
    const e = encoded();
    expect(await writeLocalMask({ taskId: "t1", encoded: e, changedAt: 1000 })).toBe(true);
    const back = await readLocalMask("t1");
    expect(back?.changedAt).toBe(1000);
    expect(back?.encoded.labelMapping).toEqual(e.labelMapping);
    expect(back?.encoded.files.map((f) => f.role)).toEqual(e.files.map((f) => f.role));
    const indexed = back?.encoded.files.find((f) => f.role.kind === "indexedImage")?.png;
    expect(indexed).toBeInstanceOf(Uint8Array);
    expect(Array.from(indicesFromIndexedPng(indexed as Uint8Array).indices)).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
    expect(await readLocalMask("another")).toBeNull();
  });

  it("an upload that landed drops its own painting, never a newer one", async () => {
    const e = encoded();
    await writeLocalMask({ taskId: "t2", encoded: e, changedAt: 1000 });
    await writeLocalMask({ taskId: "t2", encoded: e, changedAt: 2000 });
    await settleLocalMask("t2", 1000); // the older painting's upload finished late
    expect((await readLocalMask("t2"))?.changedAt).toBe(2000);
    await settleLocalMask("t2", 2000);
    expect(await readLocalMask("t2")).toBeNull();
  });

  it("is cleared with the task's draft after Submit", async () => {
    const e = encoded();
    await writeLocalMask({ taskId: "t3", encoded: e, changedAt: 1000 });
    await writeLocalDraft({ taskId: "t3", response: {}, baseVersion: 1, changedAt: 1000, unsaved: 1 });
    await clearLocalDraft("t3");
    expect(await readLocalMask("t3")).toBeNull();
    expect(await readLocalDraft("t3")).toBeNull();
    await clearLocalMask("t3"); // nothing left: still fine
  });

  it("page-hide: the rescue copy is in localStorage when rescueLocalMask returns, and restores byte for byte when IndexedDB never got it", async () => {
    const e = encoded();
    expect(rescueLocalMask({ taskId: "r1", encoded: e, changedAt: 5000 })).toEqual({ kept: true });
    // Synchronous: no await between the call and the slot being there.
    expect(storage.getItem(rescueKey("mask", "r1"))).toContain('"changedAt":5000');
    expect(await inIndexedDb("r1")).toBeNull();
    const back = await readLocalMask("r1");
    expect(back?.changedAt).toBe(5000);
    expect(back?.encoded.labelMapping).toEqual(e.labelMapping);
    expect(back?.encoded.unlabeled).toBe(e.unlabeled);
    expect(back?.encoded.files.map((f) => f.role)).toEqual(e.files.map((f) => f.role));
    back?.encoded.files.forEach((f, i) => expect(Array.from(f.png)).toEqual(Array.from(e.files[i].png)));
    // Opening the task moves it into IndexedDB and clears the slot.
    expect((await restoreLocalMask("r1"))?.changedAt).toBe(5000);
    expect(await inIndexedDb("r1")).toBe(5000);
    expect(storage.getItem(rescueKey("mask", "r1"))).toBeNull();
    const indexed = (await readLocalMask("r1"))?.encoded.files.find((f) => f.role.kind === "indexedImage")?.png;
    expect(Array.from(indicesFromIndexedPng(indexed as Uint8Array).indices)).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
  });

  it("newest wins between IndexedDB and the slot; an older slot is dropped on opening", async () => {
    const e = encoded();
    await writeLocalMask({ taskId: "r2", encoded: e, changedAt: 1000 });
    rescueLocalMask({ taskId: "r2", encoded: e, changedAt: 2000 });
    expect((await readLocalMask("r2"))?.changedAt).toBe(2000);
    await writeLocalMask({ taskId: "r2", encoded: e, changedAt: 3000 }); // a later pause landed in IndexedDB
    expect(storage.getItem(rescueKey("mask", "r2"))).toBeNull(); // and made the slot's copy obsolete
    rescueLocalMask({ taskId: "r2", encoded: e, changedAt: 2500 }); // say a stale copy is left over
    expect((await restoreLocalMask("r2"))?.changedAt).toBe(3000);
    expect(storage.getItem(rescueKey("mask", "r2"))).toBeNull();
  });

  it("the slot is cleared when its painting's upload lands, never for an older painting's upload", async () => {
    const e = encoded();
    rescueLocalMask({ taskId: "r3", encoded: e, changedAt: 2000 });
    await settleLocalMask("r3", 1000);
    expect((await readLocalMask("r3"))?.changedAt).toBe(2000);
    await settleLocalMask("r3", 2000);
    expect(await readLocalMask("r3")).toBeNull();
    rescueLocalMask({ taskId: "r3", encoded: e, changedAt: 3000 });
    await clearLocalDraft("r3"); // submitted
    expect(storage.length).toBe(0);
  });

  it("storage full at page-hide: reported, and the IndexedDB path still keeps the painting", async () => {
    vi.stubGlobal("localStorage", new MemoryStorage(100));
    const e = encoded();
    expect(rescueLocalMask({ taskId: "r4", encoded: e, changedAt: 1000 })).toEqual({ kept: false, reason: "this browser's local storage is full" });
    expect(await writeLocalMask({ taskId: "r4", encoded: e, changedAt: 1000 })).toBe(true);
    expect((await readLocalMask("r4"))?.changedAt).toBe(1000);
  });

  it("a damaged slot (bytes that are not base64) is not restored", async () => {
    rescueLocalMask({ taskId: "r5", encoded: encoded(), changedAt: 1000 });
    storage.setItem(rescueKey("mask", "r5"), (storage.getItem(rescueKey("mask", "r5")) ?? "").replace(/"png":"[^"]+"/, '"png":"%%%"'));
    expect(await readLocalMask("r5")).toBeNull();
  });
});
