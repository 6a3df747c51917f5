import { useEffect, useRef, useState } from "react";
import type Konva from "konva";
import { Image as KonvaImage, Layer } from "react-konva";
import { loadMask, paintMask, type MaskData } from "../raster/mask";
import { useCanvasRuntime } from "../runtime";
import { useCanvas, useCanvasStoreApi } from "../store";
import type { MaskSource } from "../scene/types";

/**
 * Segmentation masks as one image on their own layer: showing, hiding or fading them touches
 * only this layer's canvas, never the vector layers.
 */
export function MaskLayer({ source }: { source: MaskSource }) {
  const runtime = useCanvasRuntime();
  const store = useCanvasStoreApi();
  const layerRef = useRef<Konva.Layer>(null);
  const [mask, setMask] = useState<MaskData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hiddenLabels = useCanvas((s) => s.hiddenLabels);

  useEffect(() => {
    let live = true;
    loadMask(source)
      .then((m) => {
        if (!live) return;
        runtime.mask.current = m;
        setMask(m);
        // Regions need an index per pixel; a mask read from colours alone has none.
        store.getState().setMaskRegions(m.indices ? m.regions : null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      runtime.mask.current = null;
      store.getState().setMaskRegions(null);
    };
  }, [source, runtime, store]);

  useEffect(() => {
    const layer = layerRef.current;
    runtime.renderer.register("mask", layer);
    return () => runtime.renderer.register("mask", null);
  }, [runtime, mask]);

  // Recolouring is needed only when a mask label is hidden or shown again.
  const firstPaint = useRef(true);
  useEffect(() => {
    if (!mask) return;
    if (firstPaint.current && hiddenLabels.size === 0) {
      firstPaint.current = false;
      return;
    }
    firstPaint.current = false;
    paintMask(mask, (e) => !store.getState().hiddenLabels.has(e.label));
    runtime.renderer.invalidate("mask");
  }, [mask, hiddenLabels, runtime, store]);

  // Visibility and opacity are CSS on this layer's canvas, applied straight from the store
  // (no React render in between): toggling costs no redraw at all.
  useEffect(() => {
    const apply = () => {
      const canvas = layerRef.current?.getNativeCanvasElement();
      if (!canvas) return;
      const s = store.getState();
      canvas.style.display = s.hiddenKinds.has("mask") ? "none" : "";
      canvas.style.opacity = String(s.maskOpacity);
    };
    apply();
    return store.subscribe((s, prev) => {
      if (s.hiddenKinds !== prev.hiddenKinds || s.maskOpacity !== prev.maskOpacity) apply();
    });
  }, [store, mask]);

  if (error) {
    return null;
  }
  return (
    <Layer ref={layerRef} listening={false}>
      {mask && <KonvaImage image={mask.canvas} width={mask.width} height={mask.height} listening={false} />}
    </Layer>
  );
}
