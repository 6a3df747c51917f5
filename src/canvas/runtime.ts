import { createContext, useContext } from "react";
import type { MaskData } from "./raster/mask";
import type { CanvasRenderer } from "./render/renderer";
import type { SceneIndex } from "./scene/sceneIndex";
import type { Scene } from "./scene/types";
import type { LabelPalette } from "./style";

/** Per-canvas objects that aren't state to render from: the prepared scene and the renderer. */
export interface CanvasRuntime {
  scene: Scene;
  index: SceneIndex;
  /** This scene's label colours (palette in label order). */
  colors: LabelPalette;
  renderer: CanvasRenderer;
  /** The loaded mask, read by the pointer handler for the label under the cursor. */
  mask: { current: MaskData | null };
}

export const CanvasRuntimeContext = createContext<CanvasRuntime | null>(null);

export function useCanvasRuntime(): CanvasRuntime {
  const r = useContext(CanvasRuntimeContext);
  if (!r) throw new Error("canvas components must be rendered inside <AnnotationCanvas>");
  return r;
}
