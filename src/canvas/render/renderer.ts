import type Konva from "konva";
import type { View } from "../../geometry";
import type { CanvasStore } from "../store";
import { pickMipLevel } from "../raster/useImage";
import type { StaticPaintResult } from "./staticPainter";

export type LayerName = "image" | "mask" | "maskHighlight" | "static" | "overlay";

export interface FrameStats {
  /** Layers redrawn in this frame; "static" missing during a gesture means it moved as a bitmap. */
  drawn: LayerName[];
  /** Main-thread milliseconds spent drawing them. */
  ms: number;
  /** When "static" was drawn: a full redraw, dirty rectangles only, or nothing had changed. */
  staticPaint?: StaticPaintResult;
}

interface ImageSource {
  node: Konva.Image;
  full: CanvasImageSource;
  levels: readonly CanvasImageSource[];
}

function applyView(layer: Konva.Layer, view: View): void {
  layer.setAttrs({ x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale });
}

/**
 * Owns when the Konva layers redraw. View changes are coalesced to one animation frame; the
 * image, mask and overlay layers (one node or a handful each) redraw with the view, while the
 * static vector layer, the expensive one, is moved as a cached bitmap (a CSS transform on its
 * canvas) during a gesture and redrawn once the gesture settles.
 */
export class CanvasRenderer {
  private readonly layers = new Map<LayerName, Konva.Layer>();
  private image: ImageSource | null = null;
  private readonly pending = new Set<LayerName | "view">();
  private raf = 0;
  private drawnView: View | null = null;
  private unsubscribe: (() => void) | null = null;
  private staticPaint: StaticPaintResult | undefined;
  onFrame: ((stats: FrameStats) => void) | null = null;

  constructor(private readonly store: CanvasStore) {}

  /** Follows the store's view from now on (paired with stop(), so StrictMode's remount works). */
  start(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.view !== prev.view || s.gesture !== prev.gesture) this.invalidate("view");
    });
    this.invalidate("view");
  }

  register(name: LayerName, layer: Konva.Layer | null): void {
    if (layer) this.layers.set(name, layer);
    else this.layers.delete(name);
    this.invalidate(name);
  }

  /** The static layer's painter reports what its last paint did (for the frame stats). */
  noteStaticPaint(result: StaticPaintResult): void {
    this.staticPaint = result;
  }

  setImage(source: ImageSource | null): void {
    this.image = source;
    this.invalidate("image");
  }

  invalidate(what: LayerName | "view"): void {
    this.pending.add(what);
    if (!this.raf) this.raf = requestAnimationFrame(() => this.frame());
  }

  /** Draws what is pending now (used by the frame loop, and by tests that can't wait a frame). */
  frame(): void {
    this.raf = 0;
    const t0 = performance.now();
    const { view, gesture } = this.store.getState();
    const viewChanged = this.pending.has("view");
    const drawn: LayerName[] = [];
    let staticPaint: StaticPaintResult | undefined;
    for (const name of ["image", "mask", "maskHighlight", "overlay"] as const) {
      const layer = this.layers.get(name);
      if (!layer || !(viewChanged || this.pending.has(name))) continue;
      applyView(layer, view);
      if (name === "image" && this.image) {
        const pr = layer.getCanvas().getPixelRatio();
        const level = pickMipLevel(this.image.full, this.image.levels, view.scale, pr);
        if (this.image.node.image() !== level) this.image.node.image(level);
      }
      layer.draw();
      drawn.push(name);
    }
    const staticLayer = this.layers.get("static");
    if (staticLayer) {
      if (this.pending.has("static") || (viewChanged && !gesture) || this.drawnView === null) {
        applyView(staticLayer, view);
        this.staticPaint = undefined;
        staticLayer.draw();
        staticPaint = this.staticPaint;
        staticLayer.getNativeCanvasElement().style.transform = "";
        this.drawnView = view;
        drawn.push("static");
      } else if (viewChanged) {
        // Move the last drawn bitmap to where the new view puts it: no vector is redrawn.
        const d = this.drawnView;
        const k = view.scale / d.scale;
        const canvas = staticLayer.getNativeCanvasElement();
        canvas.style.transformOrigin = "0 0";
        canvas.style.transform = `matrix(${k}, 0, 0, ${k}, ${view.x - d.x * k}, ${view.y - d.y * k})`;
      }
    }
    this.pending.clear();
    this.onFrame?.({ drawn, ms: performance.now() - t0, ...(staticPaint ? { staticPaint } : {}) });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
  }
}
