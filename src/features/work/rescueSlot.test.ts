import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MemoryStorage } from "./memoryStorage.testkit";
import { clearRescue, newest, readRescue, RESCUE_MAX_CHARS, rescueKey, writeRescue } from "./rescueSlot";

// The page-hide rescue slot on a localStorage with a quota (MemoryStorage): what a closing page
// writes synchronously, read back, bounded, and dropped once the work is kept elsewhere.

const Copy = z.object({ taskId: z.string(), changedAt: z.number(), text: z.string() });
let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage(50_000);
  vi.stubGlobal("localStorage", storage);
});
afterEach(() => vi.unstubAllGlobals());

describe("rescue slot", () => {
  it("is written before writeRescue returns, one slot per task and kind, and reads back", () => {
    expect(writeRescue("draft", "t1", { taskId: "t1", changedAt: 1000, text: "mine" })).toEqual({ kept: true });
    expect(JSON.parse(storage.getItem(rescueKey("draft", "t1")) ?? "null")).toEqual({ taskId: "t1", changedAt: 1000, text: "mine" });
    expect(readRescue("draft", "t1", Copy)).toEqual({ taskId: "t1", changedAt: 1000, text: "mine" });
    expect(readRescue("mask", "t1", Copy)).toBeNull();
    expect(readRescue("draft", "t2", Copy)).toBeNull();
  });

  it("a copy over the bound is refused with the reason, and nothing is written", () => {
    vi.stubGlobal("localStorage", new MemoryStorage());
    const big = { taskId: "t1", changedAt: 1, text: "x".repeat(RESCUE_MAX_CHARS) };
    const result = writeRescue("mask", "t1", big);
    expect(result).toMatchObject({ kept: false, reason: expect.stringMatching(/too large to keep at once/) });
    expect(readRescue("mask", "t1", Copy)).toBeNull();
  });

  it("storage full: says so, and an older copy of the same task stays readable", () => {
    expect(writeRescue("draft", "t1", { taskId: "t1", changedAt: 1000, text: "old" })).toEqual({ kept: true });
    const result = writeRescue("draft", "t1", { taskId: "t1", changedAt: 2000, text: "x".repeat(60_000) });
    expect(result).toEqual({ kept: false, reason: "this browser's local storage is full" });
    expect(readRescue("draft", "t1", Copy)?.text).toBe("old");
  });

  it("no localStorage at all (disabled, or access throws): not kept, said plainly", () => {
    vi.stubGlobal("localStorage", undefined);
    expect(writeRescue("draft", "t1", { taskId: "t1", changedAt: 1, text: "" })).toEqual({ kept: false, reason: "this browser's local storage is not available" });
    expect(readRescue("draft", "t1", Copy)).toBeNull();
    clearRescue("draft", "t1");
  });

  it("a slot that isn't the expected record (corrupt, another version) is dropped, not restored", () => {
    storage.setItem(rescueKey("draft", "t1"), "{not json");
    expect(readRescue("draft", "t1", Copy)).toBeNull();
    expect(storage.getItem(rescueKey("draft", "t1"))).toBeNull();
    storage.setItem(rescueKey("draft", "t1"), JSON.stringify({ changedAt: "yesterday" }));
    expect(readRescue("draft", "t1", Copy)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it("is cleared once work as new or newer is kept elsewhere, never when it holds newer work", () => {
    writeRescue("draft", "t1", { taskId: "t1", changedAt: 2000, text: "newer" });
    clearRescue("draft", "t1", 1500); // IndexedDB got an older change: the slot is still the newest
    expect(readRescue("draft", "t1", Copy)?.text).toBe("newer");
    clearRescue("draft", "t1", 2000);
    expect(readRescue("draft", "t1", Copy)).toBeNull();
    writeRescue("mask", "t1", { taskId: "t1", changedAt: 3000, text: "" });
    clearRescue("mask", "t1"); // submitted: whatever it holds
    expect(storage.length).toBe(0);
  });

  it("newest wins; a tie goes to the slot (written from the page's latest state as it left)", () => {
    const kept = { changedAt: 1000, from: "idb" };
    expect(newest(kept, { changedAt: 999, from: "slot" })).toBe(kept);
    expect(newest(kept, { changedAt: 1000, from: "slot" })?.from).toBe("slot");
    expect(newest(kept, { changedAt: 1001, from: "slot" })?.from).toBe("slot");
    expect(newest(null, kept)).toBe(kept);
    expect(newest(kept, null)).toBe(kept);
    expect(newest(null, null)).toBeNull();
  });
});
