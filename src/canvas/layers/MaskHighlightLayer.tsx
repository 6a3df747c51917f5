import { useEffect, useRef, useState } from "react";
import type Konva from "konva";
import { Image as KonvaImage, Layer } from "react-konva";
import { maskHighlight } from "../raster/mask";
import { useCanvasRuntime } from "../runtime";
import { maskIndexOfId, useCanvas } from "../store";

/**
 * The mask entry hovered or selected in the object list, drawn opaque with a white rim on its own
 * layer above the mask (whose opacity the legend fades): only this one small image is redrawn.
 */
export function MaskHighlightLayer() {
  const runtime = useCanvasRuntime();
  const layerRef = useRef<Konva.Layer>(null);
  const hovered = useCanvas((s) => maskIndexOfId(s.hoveredId));
  const selected = useCanvas((s) => maskIndexOfId(s.selectedId));
  const hidden = useCanvas((s) => s.hiddenKinds.has("mask"));
  const regions = useCanvas((s) => s.maskRegions);
  const index = hovered ?? selected;
  const [shown, setShown] = useState<ReturnType<typeof maskHighlight>>(null);

  useEffect(() => {
    const mask = runtime.mask.current;
    setShown(index !== null && mask && regions ? maskHighlight(mask, index) : null);
  }, [index, regions, runtime]);

  const visible = shown !== null && !hidden;
  useEffect(() => {
    if (!visible) return;
    runtime.renderer.register("maskHighlight", layerRef.current);
    return () => runtime.renderer.register("maskHighlight", null);
  }, [visible, shown, runtime]);

  // The layer (a canvas of the stage's size) exists only while something is highlighted, so it
  // costs nothing to composite the rest of the time.
  if (!visible) return null;
  return (
    <Layer ref={layerRef} listening={false}>
      <KonvaImage image={shown.canvas} x={shown.x} y={shown.y} listening={false} />
    </Layer>
  );
}
