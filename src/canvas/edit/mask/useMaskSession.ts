import { useMemo } from "react";
import { useCanvas } from "../../store";
import { useEditorRuntime } from "../context";
import { useEditorStoreApi } from "../store";
import type { SegmentannotationParams } from "../../../schema";
import { ensureMaskSession, type MaskSession } from "./session";

/**
 * The editor's segmentation session, once the image's size is known (the raster is the image's
 * size); null before that, or when the editor isn't editing a segmentation task.
 */
export function useMaskSession(): MaskSession | null {
  const editor = useEditorStoreApi();
  const { params } = useEditorRuntime();
  const imageSize = useCanvas((s) => s.imageSize);
  const width = imageSize?.width ?? params.image?.width ?? 0;
  const height = imageSize?.height ?? params.image?.height ?? 0;
  return useMemo(() => {
    if (params.taskType !== "segmentannotation" || width <= 0 || height <= 0) return null;
    const p = params.raw as SegmentannotationParams;
    return ensureMaskSession(editor, p, { width, height });
  }, [editor, params, width, height]);
}
