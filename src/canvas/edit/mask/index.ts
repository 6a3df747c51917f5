// Segmentation editing (segmentannotation): the label raster, its tools, layer and panel, and
// the response's encoding. The editor reaches it through `segmentationPlugin` (edit/plugins.ts).
import type { SegmentationPlugin } from "../types";
import { MaskEditLayer } from "./MaskEditLayer";
import { MaskPanel } from "./MaskPanel";
import { brushTool, eraserTool } from "./tools/stroke";
import { polygonFillTool } from "./tools/polygonFill";
import { fillUnlabeledTool } from "./tools/fillUnlabeled";

export const segmentationPlugin: SegmentationPlugin = {
  tools: [brushTool, eraserTool, polygonFillTool, fillUnlabeledTool],
  Layer: MaskEditLayer,
  Panel: MaskPanel,
};

export { MaskUploadContext } from "./MaskPanel";
export { maskIssues, maskSessionOf, ensureMaskSession, type MaskSession, type MaskIssue } from "./session";
export { encodeSegmentation, saveSegmentation, segmentationResponse, type UploadPng } from "./encode";
