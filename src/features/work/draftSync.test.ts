import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The sync engine without a browser: the server is a mock, time is fake, and `window`/`navigator`
// are the two globals it reads (online events, navigator.onLine).
const saveDraft = vi.fn();
vi.mock("./api", async (original) => {
  const real = await original<typeof import("./api")>();
  return { ...real, workApi: { saveDraft: (...args: unknown[]) => saveDraft(...args) } };
});
const writeLocalDraft = vi.fn(async () => true);
const rescueLocalDraft = vi.fn(() => ({ kept: true }));
vi.mock("./localDrafts", () => ({ writeLocalDraft: (...args: unknown[]) => writeLocalDraft(...(args as [])), rescueLocalDraft: (...args: unknown[]) => rescueLocalDraft(...(args as [])) }));

const { DraftSync, withMaskUploads } = await import("./draftSync");
const { withMasksPending } = await import("./panels/maskPending");
const { WorkError } = await import("./api");

const win = new EventTarget();
let online = true;
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("window", win);
  vi.stubGlobal("navigator", {
    get onLine() {
      return online;
    },
  });
  online = true;
  saveDraft.mockReset();
  writeLocalDraft.mockReset();
  writeLocalDraft.mockImplementation(async () => true);
  rescueLocalDraft.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const saved = (version: number) => ({ version, saved_at: "2026-11-30T10:00:00.000Z", saved_by: "Ann" });
const fresh = (onGone = vi.fn()) => {
  const sync = new DraftSync("t1", { version: 0, savedAt: null, unsaved: 0, response: undefined }, onGone);
  sync.start();
  return sync;
};

describe("DraftSync", () => {
  it("debounces changes into one save of the latest answer and keeps each locally at once", async () => {
    saveDraft.mockResolvedValueOnce(saved(1));
    const sync = fresh();
    sync.change({ category: "a" });
    sync.change({ category: "b" });
    sync.change({ category: "c" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(writeLocalDraft.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect(saveDraft).toHaveBeenCalledWith("t1", { category: "c" }, 0);
    expect(sync.snapshot()).toMatchObject({ status: "saved", version: 1, unsaved: 0 });
  });

  it("offline: counts waiting changes, retries with backoff, and at once when the network returns", async () => {
    saveDraft.mockRejectedValue(new WorkError(0, "The server could not be reached."));
    online = false;
    const sync = fresh();
    sync.change({ category: "a" });
    sync.change({ category: "b" });
    await vi.advanceTimersByTimeAsync(900);
    expect(sync.snapshot()).toMatchObject({ status: "offline", unsaved: 2 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveDraft).toHaveBeenCalledTimes(2);
    // Backoff grows: nothing for the next second.
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveDraft).toHaveBeenCalledTimes(2);
    saveDraft.mockReset();
    saveDraft.mockResolvedValueOnce(saved(1));
    online = true;
    win.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(10);
    expect(saveDraft).toHaveBeenCalledWith("t1", { category: "b" }, 0);
    expect(sync.snapshot()).toMatchObject({ status: "saved", unsaved: 0, version: 1 });
  });

  it("a stale base is a conflict: nothing is overwritten until the person keeps theirs knowingly", async () => {
    saveDraft.mockRejectedValueOnce(new WorkError(409, "stale", { status_code: 409, error: "stale", state: "stale", version: 4 }));
    const sync = fresh();
    sync.change({ category: "a" });
    await vi.advanceTimersByTimeAsync(900);
    expect(sync.snapshot()).toMatchObject({ status: "conflict", theirVersion: 4 });
    sync.change({ category: "b" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(saveDraft).toHaveBeenCalledTimes(1);
    saveDraft.mockResolvedValueOnce(saved(5));
    sync.keepMine();
    await vi.advanceTimersByTimeAsync(10);
    expect(saveDraft).toHaveBeenLastCalledWith("t1", { category: "b" }, 4);
    expect(sync.snapshot()).toMatchObject({ status: "saved", version: 5 });
  });

  it("a task finished elsewhere stops saving and tells the page", async () => {
    const onGone = vi.fn();
    saveDraft.mockRejectedValueOnce(new WorkError(409, "canceled", { status_code: 409, error: "canceled", state: "canceled" }));
    const sync = fresh(onGone);
    sync.change({ category: "a" });
    await vi.advanceTimersByTimeAsync(900);
    expect(onGone).toHaveBeenCalledWith(expect.objectContaining({ state: "canceled" }));
    expect(sync.snapshot().status).toBe("gone");
    sync.change({ category: "b" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(saveDraft).toHaveBeenCalledTimes(1);
  });

  it("changes made while a save is in flight go in the next save, on the new version", async () => {
    let finish: (v: unknown) => void = () => undefined;
    saveDraft.mockImplementationOnce(() => new Promise((r) => (finish = r)));
    saveDraft.mockResolvedValueOnce(saved(2));
    const sync = fresh();
    sync.change({ category: "a" });
    await vi.advanceTimersByTimeAsync(900);
    sync.change({ category: "b" });
    finish(saved(1));
    await vi.advanceTimersByTimeAsync(900);
    expect(saveDraft).toHaveBeenLastCalledWith("t1", { category: "b" }, 1);
    expect(sync.snapshot()).toMatchObject({ status: "saved", version: 2, unsaved: 0 });
  });

  it("mask strokes waiting for their upload count as unsaved changes, and their 'pending' answer is never saved", async () => {
    saveDraft.mockResolvedValueOnce(saved(1));
    const sync = fresh();
    const wire = { annotations: { combined: { indexedImage: "u" } } };
    sync.change(wire);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sync.snapshot()).toMatchObject({ status: "saved", unsaved: 0 });

    // Three strokes, offline: the panel marks the answer pending and reports the uploads.
    for (let i = 0; i < 3; i++) sync.change(withMasksPending(wire));
    sync.uploads({ waiting: 3, error: null, offline: false, retryAt: null, unkept: false });
    expect(sync.snapshot()).toMatchObject({ status: "saving", unsaved: 3 });
    sync.uploads({ waiting: 3, error: "The server could not be reached.", offline: true, retryAt: 5000, unkept: false });
    expect(sync.snapshot()).toMatchObject({ status: "offline", unsaved: 3, retryAt: 5000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saveDraft).toHaveBeenCalledTimes(1); // the pending marks sent nothing

    // Uploaded: the panel hands over the hosted answer, which is saved as a draft.
    saveDraft.mockResolvedValueOnce(saved(2));
    sync.uploads({ waiting: 0, error: null, offline: false, retryAt: null, unkept: false });
    sync.change({ annotations: { combined: { indexedImage: "v" } } });
    expect(sync.snapshot()).toMatchObject({ unsaved: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveDraft).toHaveBeenLastCalledWith("t1", { annotations: { combined: { indexedImage: "v" } } }, 1);
    expect(sync.snapshot()).toMatchObject({ status: "saved", version: 2, unsaved: 0 });
  });

  it("a draft conflict stays in front of waiting uploads", () => {
    const conflict = { status: "conflict", version: 1, savedAt: null, unsaved: 1, retryAt: null, error: "stale", theirVersion: 2, unkept: false } as const;
    expect(withMaskUploads(conflict, { waiting: 2, error: "offline", offline: true, retryAt: 1, unkept: false })).toMatchObject({ status: "conflict", unsaved: 3 });
    expect(withMaskUploads(conflict, { waiting: 0, error: null, offline: false, retryAt: null, unkept: false })).toBe(conflict);
  });

  it("leaving the page: the change IndexedDB hasn't confirmed goes to the rescue slot synchronously, once", async () => {
    // The last change's IndexedDB write is still running (a closing page's transaction the browser may abort).
    let confirm: (kept: boolean) => void = () => undefined;
    writeLocalDraft.mockImplementation(() => new Promise<boolean>((r) => (confirm = r)));
    const sync = fresh();
    sync.change({ category: "a" });
    await vi.advanceTimersByTimeAsync(0);
    win.dispatchEvent(new Event("beforeunload"));
    // In the event's own task: no timer or promise ran in between.
    expect(rescueLocalDraft).toHaveBeenCalledTimes(1);
    expect(rescueLocalDraft).toHaveBeenCalledWith(expect.objectContaining({ taskId: "t1", response: { category: "a" }, baseVersion: 0, unsaved: 1 }));
    win.dispatchEvent(new Event("pagehide"));
    expect(rescueLocalDraft).toHaveBeenCalledTimes(1);
    confirm(true);
    sync.dispose();
  });

  it("leaving after IndexedDB confirmed the last change writes no rescue copy; a failed write is rescued", async () => {
    const sync = fresh();
    sync.change({ category: "a" });
    await vi.advanceTimersByTimeAsync(0);
    win.dispatchEvent(new Event("pagehide"));
    expect(rescueLocalDraft).not.toHaveBeenCalled();
    writeLocalDraft.mockImplementation(async () => false); // say IndexedDB refused (quota, or aborted)
    sync.change({ category: "b" });
    await vi.advanceTimersByTimeAsync(0);
    win.dispatchEvent(new Event("pagehide"));
    expect(rescueLocalDraft).toHaveBeenCalledWith(expect.objectContaining({ response: { category: "b" }, unsaved: 2 }));
    sync.dispose();
  });

  it("after Submit, or once disposed, leaving rescues nothing", async () => {
    writeLocalDraft.mockImplementation(() => new Promise<boolean>(() => undefined));
    const sync = fresh();
    sync.change({ category: "a" });
    sync.done();
    win.dispatchEvent(new Event("pagehide"));
    sync.change({ category: "b" });
    sync.dispose();
    win.dispatchEvent(new Event("pagehide"));
    expect(rescueLocalDraft).not.toHaveBeenCalled();
  });

  it("says when this browser could not keep the waiting changes (its IndexedDB write failed), and when it can again", async () => {
    saveDraft.mockRejectedValue(new WorkError(0, "The server could not be reached."));
    online = false;
    writeLocalDraft.mockImplementation(async () => false);
    const sync = fresh();
    sync.change({ category: "a" });
    await vi.advanceTimersByTimeAsync(900);
    expect(sync.snapshot()).toMatchObject({ status: "offline", unsaved: 1, unkept: true });
    writeLocalDraft.mockImplementation(async () => true);
    sync.change({ category: "b" });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.snapshot()).toMatchObject({ unsaved: 2, unkept: false });
    sync.dispose();
  });

  it("mask strokes this browser could not keep make the page's status say so", () => {
    const saved = { status: "saved", version: 1, savedAt: null, unsaved: 0, retryAt: null, error: null, theirVersion: null, unkept: false } as const;
    expect(withMaskUploads(saved, { waiting: 1, error: "offline", offline: true, retryAt: 1, unkept: true })).toMatchObject({ status: "offline", unsaved: 1, unkept: true });
    expect(withMaskUploads(saved, { waiting: 1, error: "offline", offline: true, retryAt: 1, unkept: false })).toMatchObject({ status: "offline", unkept: false });
  });
});
