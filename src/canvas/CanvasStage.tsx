import { useEffect, useRef, type CSSProperties } from "react";
import { Stage } from "react-konva";
import { fitImage, fitRect, type Rect } from "../geometry";
import type { SceneIndex } from "./scene/sceneIndex";
import styles from "./canvas.module.css";
import { useViewportGestures, FIT_PADDING_PX } from "./interaction/useViewportGestures";
import { ImageLayer } from "./layers/ImageLayer";
import { MaskLayer } from "./layers/MaskLayer";
import { OverlayLayer } from "./layers/OverlayLayer";
import { StaticLayer } from "./layers/StaticLayer";
import { Tooltip } from "./panel/Tooltip";
import type { ImageState } from "./raster/useImage";
import { useCanvasRuntime } from "./runtime";
import { useCanvas, useCanvasStoreApi } from "./store";

const notice: CSSProperties = {
  position: "absolute",
  inset: 0,
  display: "flex",
  alignItems: "center",
  justifyContent: "center",
  color: "#e5e7eb",
  font: "14px system-ui, sans-serif",
  pointerEvents: "none",
  padding: 16,
  textAlign: "center",
};

/** The Konva stage, sized to its box, with the four layers bottom to top. */
export function CanvasStage({ image }: { image: ImageState }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const store = useCanvasStoreApi();
  const { scene, index } = useCanvasRuntime();
  const viewport = useCanvas((s) => s.viewport);
  useViewportGestures(containerRef);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      const prev = store.getState().viewport;
      if (Math.round(width) !== prev.width || Math.round(height) !== prev.height) {
        store.getState().setViewport({ width: Math.round(width), height: Math.round(height) });
      }
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [store]);

  // Fit once when the image size is first known (or the image changes).
  const loaded = image.status === "loaded" ? image : null;
  useEffect(() => {
    if (!loaded) return;
    const size = { width: loaded.width, height: loaded.height };
    store.getState().setImageSize(size);
    const vp = store.getState().viewport;
    if (vp.width > 0) store.getState().setView(fitImage(size, vp, FIT_PADDING_PX));
  }, [loaded, store]);
  const hasViewport = viewport.width > 0;
  useEffect(() => {
    const s = store.getState();
    if (!hasViewport) return;
    if (s.imageSize) s.setView(fitImage(s.imageSize, s.viewport, FIT_PADDING_PX));
    // Until the image arrives (or if it never does), show the annotations rather than a corner.
    else if (index.objects.length > 0) s.setView(fitRect(sceneExtent(index), s.viewport, FIT_PADDING_PX, 1));
  }, [hasViewport, store, index]);

  return (
    <div ref={containerRef} className={styles.stage} tabIndex={0} data-testid="annotation-canvas" aria-label="Annotation canvas">
      {hasViewport && (
        <Stage width={viewport.width} height={viewport.height} listening={false}>
          {loaded && <ImageLayer image={loaded.image} />}
          {scene.mask && <MaskLayer source={scene.mask} />}
          <StaticLayer />
          <OverlayLayer />
        </Stage>
      )}
      {image.status === "loading" && <div style={notice}>Loading image…</div>}
      {image.status === "error" && (
        <div style={{ ...notice, color: "#fca5a5" }} role="alert" data-testid="canvas-image-error">
          {image.message}
        </div>
      )}
      <Tooltip />
    </div>
  );
}

/** From the image origin to the furthest object: where the image will be, roughly. */
function sceneExtent(index: SceneIndex): Rect {
  let maxX = 1;
  let maxY = 1;
  for (const o of index.objects) {
    if (o.bounds.maxX > maxX) maxX = o.bounds.maxX;
    if (o.bounds.maxY > maxY) maxY = o.bounds.maxY;
  }
  return { minX: 0, minY: 0, maxX, maxY };
}
