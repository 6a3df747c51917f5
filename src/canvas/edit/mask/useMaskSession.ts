import { useMemo } from "react";
import { useCanvas } from "../../store";
import { useEditorRuntime } from "../context";
import { useEditorStoreApi } from "../store";
import type { SegmentannotationParams } from "../../../schema";
import { ensureMaskSession, type MaskSession } from "./session";

export interface MaskSessionStatus {
  session: MaskSession | null;
  /** Why there is no session yet, when that is only a matter of waiting. */
  waiting: string | null;
  /** Why there can't be one: the answer the editor opened with couldn't be read or doesn't fit. */
  error: string | null;
}

/**
 * The editor's segmentation session, once the image's size is known (the raster is the image's
 * size) and the answer it opened with, if any, is decoded (its pixels and labelMapping seed the
 * raster and classes); otherwise why not.
 */
export function useMaskSessionStatus(): MaskSessionStatus {
  const editor = useEditorStoreApi();
  const { params, answer } = useEditorRuntime();
  const imageSize = useCanvas((s) => s.imageSize);
  const width = imageSize?.width ?? params.image?.width ?? 0;
  const height = imageSize?.height ?? params.image?.height ?? 0;
  const load = answer.load;
  return useMemo((): MaskSessionStatus => {
    if (params.taskType !== "segmentannotation") return { session: null, waiting: null, error: null };
    if (width <= 0 || height <= 0) return { session: null, waiting: "Loading the image…", error: null };
    if (load.status === "loading") return { session: null, waiting: "Loading the saved masks…", error: null };
    if (load.status === "error") return { session: null, waiting: null, error: `The saved masks can't be opened: ${load.message}.` };
    const p = params.raw as SegmentannotationParams;
    if (load.status === "loaded") {
      const a = load.answer;
      if (a.width !== width || a.height !== height) {
        return { session: null, waiting: null, error: `The saved masks are ${a.width}×${a.height} pixels but the image is ${width}×${height}: they don't belong to this image.` };
      }
      return { session: ensureMaskSession(editor, p, { width, height }, a), waiting: null, error: null };
    }
    return { session: ensureMaskSession(editor, p, { width, height }), waiting: null, error: null };
  }, [editor, params, width, height, load]);
}

/** The session alone: null until it exists (see `useMaskSessionStatus` for why). */
export function useMaskSession(): MaskSession | null {
  return useMaskSessionStatus().session;
}
