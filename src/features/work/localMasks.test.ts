import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { createRaster, fillPolygon } from "../../geometry";
import { initialClasses } from "../../canvas/edit/mask/classes";
import { encodeSegmentation } from "../../canvas/edit/mask/encode";
import { indicesFromIndexedPng } from "../../canvas/edit/mask/decode";
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./localDrafts";
import { clearLocalMask, readLocalMask, settleLocalMask, writeLocalMask } from "./localMasks";

// The browser's copy of painting not uploaded yet, on a real IndexedDB implementation
// (fake-indexeddb: the spec's algorithms in memory, so structured clone and transactions behave
// as in a browser).

const params = { labels: ["horse"], instance_labels: [], allow_unlabeled: true };

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
});
