// The segmentation panel's saving: after each pause in the painting the masks are encoded ONCE,
// kept in this browser (localMasks.ts) and then uploaded (POST /v1/files); the draft gets the
// hosted URLs. Strokes the server has not got are reported to the page (its save status, its
// "leave the page?" question), and a reopened task restores painting that never reached the
// server from the browser's bytes, then uploads it. Strokes still in the pause when the page goes
// (and bytes whose IndexedDB write is not confirmed) are also copied synchronously to a rescue
// slot: the browser may abort the closing page's IndexedDB write (localMasks.ts, rescueSlot.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MaskSession } from "../../../canvas";
import { encodeSegmentation, segmentationResponse, type EncodedSegmentation } from "../../../canvas/edit/mask/encode";
import { ApiError, uploadFile } from "../../../client";
import type { SegmentannotationParams } from "../../../schema";
import { rescueLocalMask, restoreLocalMask, settleLocalMask, writeLocalMask, type LocalMask } from "../localMasks";
import { NO_MASK_UPLOADS, withMasksPending, type MaskUploads } from "./maskPending";

/** Masks are a few uploads each: wait for a pause in the painting. */
export const MASK_SAVE_DEBOUNCE_MS = 800;
/** After a failed upload (offline, server restarting), the next attempt. */
const MASK_RETRY_MS = 3000;
/** The restored answer names its files so; `fetchMaskBytes` serves them from the kept bytes. */
const LOCAL_URL = "browser-kept-mask:";

export type MaskSaveState = { status: "idle" } | { status: "saving" } | { status: "saved" } | { status: "error"; message: string; offline: boolean };

export interface MaskDraft {
  /** False while this browser's copy is being read (the editor waits: it reads its answer once). */
  ready: boolean;
  /** What the editor opens with: the restored painting, else the draft. */
  response: unknown;
  fetchMaskBytes: ((url: string) => Promise<Uint8Array>) | undefined;
  /** When the restored painting was made (epoch ms), or null. */
  restoredAt: number | null;
  /** False when this browser could not keep the masks (no IndexedDB); null before any try. */
  kept: boolean | null;
  save: MaskSaveState;
  /** Why the last strokes could not be copied at once as the page was left (too large, storage full), or null. */
  leaveProblem: string | null;
  onMaskChange(session: MaskSession): void;
}

type Params = Pick<SegmentannotationParams, "labels" | "instance_labels" | "allow_unlabeled">;

async function uploadAll(encoded: EncodedSegmentation, params: Params): Promise<object> {
  const urls: string[] = [];
  // One after another: the server writes them to one disk, and names them by content hash.
  for (const f of encoded.files) urls.push((await uploadFile(f.png)).url);
  return segmentationResponse(encoded, urls, params);
}

export function useMaskDraft(opts: {
  taskId: string;
  initial: unknown;
  params: Params | null;
  active: boolean;
  onChange(response: unknown): void;
  onUploads: ((uploads: MaskUploads) => void) | undefined;
}): MaskDraft {
  const { taskId, initial, active } = opts;
  const latest = useRef(opts);
  latest.current = opts;
  const [local, setLocal] = useState<LocalMask | null | "reading">(active ? "reading" : null);
  const [save, setSave] = useState<MaskSaveState>({ status: "idle" });
  const [kept, setKept] = useState<boolean | null>(null);
  const [leaveProblem, setLeaveProblem] = useState<string | null>(null);
  /** The painting last given to IndexedDB, until its write is confirmed or its upload lands. */
  const unconfirmed = useRef<LocalMask | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const sequence = useRef(0);
  const waiting = useRef(0);
  const retry = useRef<(() => void) | null>(null);
  /** The last answer whose masks are all uploaded (the draft the editor opened with, at first). */
  const uploaded = useRef<object | null>(typeof initial === "object" && initial !== null ? initial : null);
  const pendingSession = useRef<MaskSession | null>(null);
  /** False once the page has moved on: its draft no longer takes answers, so nothing is settled. */
  const mounted = useRef(true);

  /** The last painting's IndexedDB write failed (and no rescue copy holds it). */
  const unkept = useRef(false);
  const lastReport = useRef<Omit<MaskUploads, "waiting" | "unkept">>(NO_MASK_UPLOADS);
  const report = useCallback((u: Omit<MaskUploads, "waiting" | "unkept">) => {
    lastReport.current = u;
    latest.current.onUploads?.({ ...u, waiting: waiting.current, unkept: waiting.current > 0 && unkept.current });
  }, []);

  const upload = useCallback(
    (encoded: EncodedSegmentation, changedAt: number, mine: number) => {
      const p = latest.current.params;
      if (!p) return;
      retry.current = null;
      setSave({ status: "saving" });
      report(NO_MASK_UPLOADS);
      uploadAll(encoded, p).then(
        (wire) => {
          if (mine !== sequence.current) return; // a newer painting is on its way
          // The page is gone and its draft with it: keep the bytes for the next open to restore.
          if (!mounted.current) return;
          uploaded.current = wire;
          waiting.current = 0;
          if (unconfirmed.current?.changedAt === changedAt) unconfirmed.current = null;
          unkept.current = false;
          setLeaveProblem(null);
          setSave({ status: "saved" });
          latest.current.onChange(wire);
          report(NO_MASK_UPLOADS);
          // In the draft now (which the page keeps in IndexedDB and on the server).
          void settleLocalMask(taskId, changedAt);
        },
        (e: unknown) => {
          if (mine !== sequence.current || !mounted.current) return;
          const message = e instanceof Error ? e.message : String(e);
          const offline = (e instanceof ApiError && e.status === 0) || !navigator.onLine;
          setSave({ status: "error", message, offline });
          report({ error: message, offline, retryAt: Date.now() + MASK_RETRY_MS });
          // Offline or a server restarting: try again until the masks are up (or a newer painting is).
          const again = () => upload(encoded, changedAt, mine);
          retry.current = again;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(again, MASK_RETRY_MS);
        },
      );
    },
    [report, taskId],
  );

  /** Leaving: copy the bytes to the rescue slot now (synchronously), and say so if they don't fit. */
  const rescue = useCallback((mask: LocalMask) => {
    const result = rescueLocalMask(mask);
    if (result.kept) {
      if (unconfirmed.current === mask) unconfirmed.current = null;
      unkept.current = false;
      return;
    }
    setLeaveProblem(result.reason);
  }, []);

  /** The pause came (or the page is going): encode once, keep the bytes in this browser, then upload them. */
  const persist = useCallback(
    (session: MaskSession, send = true, leaving = false) => {
      pendingSession.current = null;
      const p = latest.current.params;
      if (!p) return;
      const mine = sequence.current;
      // The draft keeps unlabeled pixels even when the task forbids them (the work is kept; the
      // shared validator then reports them and Submit waits until they are painted).
      const encoded = encodeSegmentation(session.raster, session.state.classes, { ...p, allow_unlabeled: true });
      const changedAt = Date.now();
      const mask: LocalMask = { taskId, encoded, changedAt };
      unconfirmed.current = mask;
      if (leaving) rescue(mask);
      void writeLocalMask(mask).then((ok) => {
        setKept(ok);
        // Only the latest painting's copy says whether the strokes waiting are kept.
        if (unconfirmed.current !== mask) return;
        unkept.current = !ok;
        report(lastReport.current);
        if (!ok) return;
        unconfirmed.current = null;
        if (leaving) setLeaveProblem(null);
      });
      if (send) upload(encoded, changedAt, mine);
    },
    [taskId, upload, rescue, report],
  );

  const onMaskChange = useCallback(
    (session: MaskSession) => {
      window.clearTimeout(timer.current);
      retry.current = null;
      sequence.current++; // an upload in flight is now stale
      waiting.current++;
      pendingSession.current = session;
      // Submit's check refuses the answer until these strokes are up.
      latest.current.onChange(withMasksPending(uploaded.current ?? {}));
      setSave({ status: "saving" });
      report(NO_MASK_UPLOADS);
      timer.current = window.setTimeout(() => persist(session), MASK_SAVE_DEBOUNCE_MS);
    },
    [persist, report],
  );

  // This browser's copy first: painting the server never got is the newest work on this device.
  useEffect(() => {
    if (!active) return;
    let live = true;
    void restoreLocalMask(taskId).then((found) => {
      if (!live) return;
      setLocal(found);
      if (!found) return;
      const mine = ++sequence.current;
      waiting.current = 1;
      latest.current.onChange(withMasksPending(uploaded.current ?? {}));
      setKept(true);
      upload(found.encoded, found.changedAt, mine);
    });
    return () => {
      live = false;
    };
  }, [active, taskId, upload]);

  useEffect(() => {
    // Back online: the waiting masks go at once rather than at the next retry.
    const onOnline = () => {
      const again = retry.current;
      if (!again) return;
      window.clearTimeout(timer.current);
      again();
    };
    // Leaving within the pause (closing the tab, or the next task): keep the last strokes now.
    const keepPending = (send: boolean, leaving: boolean) => {
      const session = pendingSession.current;
      if (!session) {
        // Encoded already, but IndexedDB hasn't confirmed them and they aren't uploaded.
        if (leaving && unconfirmed.current) rescue(unconfirmed.current);
        return;
      }
      window.clearTimeout(timer.current);
      persist(session, send, leaving);
    };
    // Both: beforeunload comes first (the rescue copy is written then); pagehide catches a page
    // left without it (bfcache, mobile tab switching), and is a no-op once the copy is kept.
    const onPageHide = () => keepPending(true, true);
    mounted.current = true;
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onPageHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onPageHide);
      window.removeEventListener("pagehide", onPageHide);
      mounted.current = false;
      window.clearTimeout(timer.current);
      // The page moves on inside the app: the document stays, so IndexedDB's write completes.
      keepPending(false, false);
    };
  }, [persist, rescue]);

  const record = local === "reading" ? null : local;
  const params = opts.params;
  const response = useMemo(() => {
    if (!record || !params) return initial;
    return segmentationResponse(
      record.encoded,
      record.encoded.files.map((_, i) => `${LOCAL_URL}${i}`),
      params,
    );
  }, [record, params, initial]);
  const fetchMaskBytes = useMemo(() => {
    if (!record) return undefined;
    return async (url: string) => {
      const file = url.startsWith(LOCAL_URL) ? record.encoded.files[Number(url.slice(LOCAL_URL.length))] : undefined;
      if (!file) throw new Error(`${url} is not one of the masks kept in this browser`);
      return file.png;
    };
  }, [record]);

  return { ready: local !== "reading", response, fetchMaskBytes, restoredAt: record?.changedAt ?? null, kept, save, leaveProblem, onMaskChange };
}
