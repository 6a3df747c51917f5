import { useEffect, useRef } from "react";
import type Konva from "konva";
import { Layer, Shape } from "react-konva";
import { drawStaticKind, drawStaticLabels } from "../render/drawStatic";
import { useCanvasRuntime } from "../runtime";
import { useCanvasStoreApi, type Toggleable } from "../store";

/**
 * All unselected vectors: one Shape per kind whose sceneFunc batch-draws the culled objects,
 * plus one for the label tags. Nothing here listens to events; picking goes through the index.
 */
export function StaticLayer() {
  const { index, renderer, colors } = useCanvasRuntime();
  const store = useCanvasStoreApi();
  const layerRef = useRef<Konva.Layer>(null);
  const kinds = index.kindsPresent();

  useEffect(() => {
    renderer.register("static", layerRef.current);
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
  }, [renderer, store, index]);

  return (
    <Layer ref={layerRef} listening={false}>
      {kinds.map((kind) => (
        <Shape
          key={kind}
          listening={false}
          perfectDrawEnabled={false}
          sceneFunc={(ctx) => drawStaticKind(ctx._context, index, kind, store.getState(), colors)}
        />
      ))}
      <Shape
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(ctx) =>
          drawStaticLabels(ctx._context, index, kinds, store.getState(), layerRef.current?.getCanvas().getPixelRatio() ?? 1, colors)
        }
      />
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
