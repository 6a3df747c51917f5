import type { SegmentationPlugin } from "./types";

/**
 * Optional editing parts that live in their own folders. Segmentation (src/canvas/edit/mask)
 * registers here: replace `null` with its `segmentationPlugin` export. Until then segmentation
 * tasks open in the editor with no tools.
 */
export const segmentationPlugin: SegmentationPlugin | null = null;
