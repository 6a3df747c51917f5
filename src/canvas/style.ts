/**
 * Visual constants and the stable label colour. Screen sizes are CSS pixels: kinds divide them
 * by the view scale so strokes look the same at every zoom.
 */
export const STROKE_PX = 2;
export const LAYER_DASH_PX = [6, 4];
/** Layers are muted: drawn fainter so responses stand out, and never fill. */
export const LAYER_ALPHA = 0.55;
export const POLYGON_FILL_ALPHA = 0.12;
export const POINT_RADIUS_PX = 4;
export const HIT_TOLERANCE_PX = 5;
export const LABEL_FONT_PX = 12;
/** Past this many objects on screen, static labels are skipped: text costs as much as shapes. */
export const MAX_STATIC_LABELS = 600;
export const UNLABELED_COLOR = "#9ca3af";

const cache = new Map<string, string>();

/** A colour per label that is the same in every session, from a 32-bit FNV-1a hash of the label. */
export function labelColor(label: string): string {
  if (label === "") return UNLABELED_COLOR;
  const hit = cache.get(label);
  if (hit) return hit;
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  // Hue from the hash; saturation/lightness vary a little so neighbouring hues still differ.
  const hue = h % 360;
  const sat = 70 + ((h >>> 9) % 20);
  const light = 50 + ((h >>> 17) % 12);
  const color = hslToHex(hue, sat, light);
  cache.set(label, color);
  return color;
}

export function hslToHex(h: number, s: number, l: number): string {
  const sn = s / 100;
  const ln = l / 100;
  const a = sn * Math.min(ln, 1 - ln);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = ln - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}
