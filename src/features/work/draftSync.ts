// Never lose work: every change goes to IndexedDB at once and to the server's draft after a
// short pause, with the draft's version so an older tab can't overwrite a newer draft. A failed
// save (offline, server restarting) is retried with backoff, and at once when the browser says
// it is back online. Kept outside React so a re-render never drops or doubles a save.
// A segmentation's strokes are uploaded by its panel before they can be in the draft: the panel
// reports them (`uploads`), and what the page shows counts them with the draft's own changes.
// The last change's IndexedDB write may not commit if the tab closes right after it (the browser
// aborts a closing document's transactions): as the page goes, a change not yet confirmed kept
// is copied synchronously to a rescue slot (localDrafts.ts, rescueSlot.ts).
import { WorkError, workApi } from "./api";
import { rescueLocalDraft, writeLocalDraft, type LocalDraft } from "./localDrafts";
import { masksPending, NO_MASK_UPLOADS, type MaskUploads } from "./panels/maskPending";
import type { WorkConflict } from "../../schema/work";

export type SyncStatus = "idle" | "saving" | "saved" | "offline" | "retrying" | "conflict" | "gone";

export interface SyncState {
  status: SyncStatus;
  /** The server draft version this page is on. */
  version: number;
  /** When the server last confirmed a save (ISO). */
  savedAt: string | null;
  /** Changes the server has not confirmed. */
  unsaved: number;
  /** When the next retry runs (epoch ms), while retrying or offline. */
  retryAt: number | null;
  /** The last refusal's words (shown verbatim). */
  error: string | null;
  /** A stale save: the version someone else saved. */
  theirVersion: number | null;
  /** This browser could not keep the changes waiting (its IndexedDB write failed): closing loses them. */
  unkept: boolean;
}

const DEBOUNCE_MS = 800;
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export class DraftSync {
  /** The draft's own state; `view` (what `snapshot` gives) adds the mask uploads to it. */
  private state: SyncState;
  private view: SyncState;
  private masks: MaskUploads = NO_MASK_UPLOADS;
  private latest: unknown = undefined;
  /** Bumped on every change: a save confirms only the changes it carried. */
  private changeSeq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  private listeners = new Set<() => void>();
  private disposed = false;
  private localWrite: Promise<unknown> = Promise.resolve();
  /** The latest copy given to IndexedDB until its write is confirmed (then null). */
  private unconfirmed: LocalDraft | null = null;

  constructor(
    readonly taskId: string,
    initial: { version: number; savedAt: string | null; unsaved: number; response: unknown },
    private readonly onGone: (conflict: WorkConflict) => void,
  ) {
    this.latest = initial.response;
    this.state = { status: initial.unsaved ? "idle" : initial.savedAt ? "saved" : "idle", version: initial.version, savedAt: initial.savedAt, unsaved: initial.unsaved, retryAt: null, error: null, theirVersion: null, unkept: false };
    this.view = this.state;
  }

  /** Mounted: listen for the network coming back, and send restored changes the server never got. */
  start(): void {
    this.disposed = false;
    window.addEventListener("online", this.onOnline);
    window.addEventListener("beforeunload", this.onLeave);
    window.addEventListener("pagehide", this.onLeave);
    if (this.state.unsaved > 0 && this.state.status !== "gone") this.schedule(0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SyncState => this.view;

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    this.publish();
  }

  private publish(): void {
    this.view = withMaskUploads(this.state, this.masks);
    for (const l of this.listeners) l();
  }

  /** The segmentation panel's strokes not uploaded yet (stable: passed to a memoised panel). */
  uploads = (masks: MaskUploads): void => {
    if (this.disposed) return;
    this.masks = masks;
    this.publish();
  };

  /** A change from the panel: kept locally at once, sent to the server after a pause. */
  change(response: unknown): void {
    if (this.disposed || this.state.status === "gone") return;
    // "Strokes on their way": the draft is still the last uploaded answer (counted by `uploads`).
    if (masksPending(response)) return;
    this.latest = response;
    this.changeSeq++;
    // "Saved at" no longer holds for this change: it waits for the pause before its save.
    this.set({ unsaved: this.state.unsaved + 1, ...(this.state.status === "saved" ? { status: "idle" as const } : {}) });
    this.keepLocally();
    if (this.state.status !== "conflict") this.schedule(DEBOUNCE_MS);
  }

  private keepLocally(): void {
    const draft = { taskId: this.taskId, response: this.latest, baseVersion: this.state.version, changedAt: Date.now(), unsaved: this.state.unsaved };
    this.unconfirmed = draft;
    // In order: a slow earlier write must not land after a later one.
    this.localWrite = this.localWrite
      .then(() => writeLocalDraft(draft))
      .then((kept) => {
        if (this.unconfirmed !== draft) return;
        if (kept) this.unconfirmed = null;
        if (this.state.unkept === kept) this.set({ unkept: !kept });
      });
  }

  /**
   * The page is going (beforeunload, then pagehide): a change whose IndexedDB write is not
   * confirmed goes to the rescue slot now, synchronously. Once is enough: both events may fire.
   */
  private onLeave = () => {
    const draft = this.unconfirmed;
    if (!draft || this.disposed) return;
    if (rescueLocalDraft(draft).kept) this.unconfirmed = null;
  };

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), ms);
  }

  /** Saves now (before Submit, on leaving): resolves once nothing is in flight. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
    if (this.state.unsaved > 0 && this.state.status !== "conflict" && this.state.status !== "gone") await this.save();
  }

  private onOnline = () => {
    if (this.state.unsaved > 0 && (this.state.status === "offline" || this.state.status === "retrying")) this.schedule(0);
  };

  private save(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.inFlight) {
      // One save at a time; the one after it carries whatever changed meanwhile.
      return this.inFlight.then(() => (this.state.unsaved > 0 ? this.save() : undefined));
    }
    if (this.state.unsaved === 0) return Promise.resolve();
    const seq = this.changeSeq;
    const response = this.latest;
    this.set({ status: "saving", retryAt: null });
    this.inFlight = (async () => {
      try {
        const saved = await workApi.saveDraft(this.taskId, response, this.state.version);
        this.attempt = 0;
        const caughtUp = seq === this.changeSeq;
        this.set({ status: caughtUp ? "saved" : "saving", version: saved.version, savedAt: saved.saved_at, unsaved: caughtUp ? 0 : this.state.unsaved, error: null });
        this.keepLocally();
        if (!caughtUp) this.schedule(DEBOUNCE_MS);
      } catch (error) {
        this.failed(error);
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  private failed(error: unknown): void {
    if (error instanceof WorkError && error.conflict) {
      if (error.conflict.state === "stale") {
        this.set({ status: "conflict", theirVersion: error.conflict.version ?? null, error: error.message });
      } else {
        this.set({ status: "gone", error: error.message });
        this.onGone(error.conflict);
      }
      return;
    }
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt++;
    const offline = (error instanceof WorkError && error.unreachable) || !navigator.onLine;
    this.set({ status: offline ? "offline" : "retrying", retryAt: Date.now() + delay, error: error instanceof Error ? error.message : String(error) });
    this.schedule(delay);
  }

  /** Conflict, "keep mine": save my version over theirs, knowingly. */
  keepMine(): void {
    if (this.state.theirVersion === null) return;
    this.set({ version: this.state.theirVersion, theirVersion: null, status: "idle", error: null });
    this.schedule(0);
  }

  /** Conflict, "take theirs": the page loads their draft and carries on from its version. */
  takeTheirs(version: number, savedAt: string, response: unknown): void {
    this.latest = response;
    this.changeSeq++;
    this.set({ version, savedAt, unsaved: 0, theirVersion: null, status: "saved", error: null });
    this.keepLocally();
  }

  /** The task was finished or taken elsewhere (the lease renewal said so). */
  markGone(): void {
    if (this.timer) clearTimeout(this.timer);
    this.set({ status: "gone" });
  }

  /** After Submit: nothing left to save. */
  done(): void {
    if (this.timer) clearTimeout(this.timer);
    this.masks = NO_MASK_UPLOADS;
    this.unconfirmed = null; // submitted: nothing to rescue as the page goes
    this.set({ unsaved: 0, status: "saved" });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("beforeunload", this.onLeave);
    window.removeEventListener("pagehide", this.onLeave);
  }
}

/**
 * What the page shows: the draft's state, with strokes waiting for their upload counted as
 * changes the server has not got. A draft problem (conflict, task gone, its own save failing)
 * stays in front; otherwise the uploads say "saving" or why they wait.
 */
export function withMaskUploads(draft: SyncState, masks: MaskUploads): SyncState {
  if (masks.waiting === 0) return draft;
  const unsaved = draft.unsaved + masks.waiting;
  const unkept = draft.unkept || masks.unkept;
  if (draft.status !== "idle" && draft.status !== "saved") return { ...draft, unsaved, unkept };
  if (masks.error === null) return { ...draft, unsaved, unkept, status: "saving", retryAt: null };
  return { ...draft, unsaved, unkept, status: masks.offline ? "offline" : "retrying", retryAt: masks.retryAt, error: masks.error };
}
