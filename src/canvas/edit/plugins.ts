import type { SegmentationPlugin } from "./types";
import { segmentationPlugin as maskPlugin } from "./mask";

/**
 * Optional editing parts that live in their own folders. Segmentation (src/canvas/edit/mask)
 * registers here: its tools, the raster layer and the side panel.
 */
export const segmentationPlugin: SegmentationPlugin | null = maskPlugin;
