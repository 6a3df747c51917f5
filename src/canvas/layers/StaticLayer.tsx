import { useCallback, useEffect, useRef, useState } from "react";
import type Konva from "konva";
import { Layer, Shape } from "react-konva";
import { StaticPainter } from "../render/staticPainter";
import { useCanvasRuntime, type CanvasRuntime } from "../runtime";
import { useCanvasStoreApi, type Toggleable } from "../store";

/**
 * All unselected vectors, painted by a StaticPainter into one Shape: batch-drawn, culled through
 * the spatial index, and after a partial change (an edit's commit, an object leaving for the edit
 * overlay) only the dirty rectangles are redrawn. The layer is never cleared by Konva (the
 * painter clears what it redraws). Nothing here listens to events; picking goes through the index.
 */
export function StaticLayer() {
  const runtime = useCanvasRuntime();
  const { renderer } = runtime;
  const store = useCanvasStoreApi();
  const layerRef = useRef<Konva.Layer>(null);
  const [painter] = useState(() => new StaticPainter());
  // The scene changes with every edit; the Shape's draw function stays the same (a new one would
  // make react-konva redraw the layer on its own) and reads the latest runtime.
  const runtimeRef = useRef<CanvasRuntime>(runtime);
  runtimeRef.current = runtime;

  useEffect(() => {
    renderer.register("static", layerRef.current);
    // Named for tests and benchmarks that read the static layer's pixels.
    const canvasEl = layerRef.current?.getNativeCanvasElement();
    if (canvasEl) canvasEl.dataset.layer = "static";
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.hiddenLabels !== prev.hiddenLabels ||
        vectorKindsChanged(s.hiddenKinds, prev.hiddenKinds) ||
        s.hiddenSources !== prev.hiddenSources ||
        s.detachedIds !== prev.detachedIds ||
        s.showLabels !== prev.showLabels ||
        s.viewport !== prev.viewport
      ) {
        renderer.invalidate("static");
      }
      if (s.vectorOpacity !== prev.vectorOpacity) applyOpacity(s.vectorOpacity);
    });
    const applyOpacity = (o: number) => {
      const canvas = layerRef.current?.getNativeCanvasElement();
      if (canvas) canvas.style.opacity = String(o);
    };
    applyOpacity(store.getState().vectorOpacity);
    return () => {
      unsubscribe();
      renderer.register("static", null);
    };
  }, [renderer, store]);

  useEffect(() => renderer.invalidate("static"), [runtime.index, runtime.colors, renderer]);

  const sceneFunc = useCallback(
    (ctx: Konva.Context) => {
      const canvas = layerRef.current?.getCanvas();
      if (!canvas) return;
      const { index, colors } = runtimeRef.current;
      const native = ctx._context;
      const result = painter.paint(native, {
        index,
        colors,
        state: store.getState(),
        width: native.canvas.width,
        height: native.canvas.height,
        pixelRatio: canvas.getPixelRatio(),
      });
      renderer.noteStaticPaint(result);
    },
    [painter, store, renderer],
  );

  return (
    <Layer ref={layerRef} listening={false} clearBeforeDraw={false}>
      <Shape listening={false} perfectDrawEnabled={false} sceneFunc={sceneFunc} />
    </Layer>
  );
}

/** The mask toggle lives in the same set but must not redraw the vectors. */
function vectorKindsChanged(a: ReadonlySet<Toggleable>, b: ReadonlySet<Toggleable>): boolean {
  if (a === b) return false;
  for (const k of a) if (k !== "mask" && !b.has(k)) return true;
  for (const k of b) if (k !== "mask" && !a.has(k)) return true;
  return false;
}
