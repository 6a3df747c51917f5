import { useEffect, type ReactNode, type RefObject } from "react";
import { Stage } from "react-konva";
import { fitImage, fitRect, panBy, type Rect, type View } from "../geometry";
import type { SceneIndex } from "./scene/sceneIndex";
import styles from "./canvas.module.css";
import { useViewportGestures, FIT_PADDING_PX, type PointerDelegate } from "./interaction/useViewportGestures";
import { ImageLayer } from "./layers/ImageLayer";
import { MaskHighlightLayer } from "./layers/MaskHighlightLayer";
import { MaskLayer } from "./layers/MaskLayer";
import { OverlayLayer } from "./layers/OverlayLayer";
import { StaticLayer } from "./layers/StaticLayer";
import { Tooltip } from "./panel/Tooltip";
import type { ImageState } from "./raster/useImage";
import { useCanvasRuntime } from "./runtime";
import { useCanvas, useCanvasStoreApi } from "./store";

/**
 * The Konva stage, sized to its box, with the layers bottom to top. An image that fails to load
 * is reported in a bar above the stage, never over the drawing.
 */
export function CanvasStage({
  image,
  stageRef: containerRef,
  pointerDelegate,
  overlay,
  maskLayer,
  refitOnSceneChange = true,
}: {
  image: ImageState;
  stageRef: RefObject<HTMLDivElement | null>;
  /** Edit mode: the tools take plain presses (see useViewportGestures). */
  pointerDelegate?: RefObject<PointerDelegate | null>;
  /** Edit mode: its overlay (handles, drafts) in place of the view overlay. */
  overlay?: ReactNode;
  /** Edit mode: an editable mask layer in place of the view mask layers. */
  maskLayer?: ReactNode;
  /** Fit again when the scene changes (view mode); an editor keeps the user's zoom across edits. */
  refitOnSceneChange?: boolean;
}) {
  const store = useCanvasStoreApi();
  const { scene, index } = useCanvasRuntime();
  const viewport = useCanvas((s) => s.viewport);
  useViewportGestures(containerRef, pointerDelegate);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      const s = store.getState();
      const prev = s.viewport;
      const next = { width: Math.round(width), height: Math.round(height) };
      if (next.width === prev.width && next.height === prev.height) return;
      // A resize (full screen, the side panel, the window) keeps a fitted image fitted, and
      // otherwise keeps what was in the middle of the stage in the middle.
      const fitted = s.imageSize && prev.width > 0 && sameView(s.view, fitImage(s.imageSize, prev, FIT_PADDING_PX));
      s.setViewport(next);
      if (prev.width === 0 || prev.height === 0) return;
      if (fitted && s.imageSize) s.setView(fitImage(s.imageSize, next, FIT_PADDING_PX));
      else s.setView(panBy(s.view, (next.width - prev.width) / 2, (next.height - prev.height) / 2));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [store, containerRef]);

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
  }, [hasViewport, store, refitOnSceneChange ? index : null]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className={styles.stageColumn}>
      {image.status === "error" && (
        <div className={styles.stageNotice} role="alert" data-testid="canvas-image-error">
          <strong>The image could not be loaded:</strong> <span className={styles.stageNoticeUrl}>{image.url}</span>
          {index.objects.length > 0 || scene.mask ? <span className={styles.stageNoticeMuted}> The annotations are drawn without it.</span> : null}
        </div>
      )}
      <div
        ref={containerRef}
        className={styles.stage}
        tabIndex={0}
        data-testid="annotation-canvas"
        // The stage takes its own keys and gestures (zoom, pan, select): an application region.
        role="application"
        aria-label="Annotation canvas"
        aria-roledescription="annotation canvas"
      >
        {hasViewport && (
          <Stage width={viewport.width} height={viewport.height} listening={false}>
            {loaded && <ImageLayer image={loaded.image} />}
            {maskLayer ?? (scene.mask && <MaskLayer source={scene.mask} />)}
            {!maskLayer && scene.mask && <MaskHighlightLayer />}
            <StaticLayer />
            {overlay ?? <OverlayLayer />}
          </Stage>
        )}
        {image.status === "loading" && <div className={styles.loading}>Loading image…</div>}
        <Tooltip />
      </div>
    </div>
  );
}

function sameView(a: View, b: View): boolean {
  return Math.abs(a.scale - b.scale) < 1e-9 && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
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
