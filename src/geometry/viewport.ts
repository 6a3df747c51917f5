import type { Rect } from "./rect";

/**
 * The one place where screen and image coordinates meet: screen = image * scale + (x, y).
 * Screen coordinates are CSS pixels relative to the canvas' top-left corner.
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.01;
export const MAX_SCALE = 64;

export function clampScale(scale: number, min = MIN_SCALE, max = MAX_SCALE): number {
  return Math.min(max, Math.max(min, scale));
}

export function screenToImage(view: View, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.x) / view.scale, y: (sy - view.y) / view.scale };
}

export function imageToScreen(view: View, ix: number, iy: number): { x: number; y: number } {
  return { x: ix * view.scale + view.x, y: iy * view.scale + view.y };
}

/** Zooms by `factor` keeping the image point under screen point (sx, sy) fixed there. */
export function zoomAt(view: View, factor: number, sx: number, sy: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: sx - (sx - view.x) * k, y: sy - (sy - view.y) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { scale: view.scale, x: view.x + dx, y: view.y + dy };
}

/** Fits `rect` (image pixels) into the viewport with `padding` CSS pixels on each side, centred. */
export function fitRect(rect: Rect, viewport: Size, padding = 0, maxScale = MAX_SCALE): View {
  const w = Math.max(1e-6, rect.maxX - rect.minX);
  const h = Math.max(1e-6, rect.maxY - rect.minY);
  const availW = Math.max(1, viewport.width - 2 * padding);
  const availH = Math.max(1, viewport.height - 2 * padding);
  const scale = clampScale(Math.min(availW / w, availH / h, maxScale));
  return {
    scale,
    x: (viewport.width - w * scale) / 2 - rect.minX * scale,
    y: (viewport.height - h * scale) / 2 - rect.minY * scale,
  };
}

/** Whole image in view. */
export function fitImage(image: Size, viewport: Size, padding = 0): View {
  return fitRect({ minX: 0, minY: 0, maxX: image.width, maxY: image.height }, viewport, padding);
}

/** 1 image pixel = 1 CSS pixel, keeping the image point at the viewport centre where it is. */
export function actualSize(view: View, viewport: Size): View {
  return zoomAt(view, 1 / view.scale, viewport.width / 2, viewport.height / 2);
}

/** The part of the image plane that is on screen, in image pixels. */
export function visibleRect(view: View, viewport: Size): Rect {
  const a = screenToImage(view, 0, 0);
  const b = screenToImage(view, viewport.width, viewport.height);
  return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
}

/** Zoom factor for one wheel event; trackpads send many small deltas, mice a few large ones. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-300, Math.min(300, pixels)) * 0.0015);
}
