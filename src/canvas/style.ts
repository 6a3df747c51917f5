/**
 * Visual constants and the label palette. Screen sizes are CSS pixels: kinds divide them
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
/**
 * Responses are stroked over a wider dark outline (HALO_WIDTH times the stroke), so pale palette
 * colours read on bright images and dark ones on dark images.
 */
export const HALO_COLOR = "rgba(10, 12, 16, 0.6)";
export const HALO_WIDTH = 2;

/**
 * The categorical palette labels take, in order: Sasha Trubetskoy's "20 simple distinct colours"
 * (a set picked by hand for mutual distinctness on screens), its grey left out because grey is
 * what unlabeled objects get. Every pair is at least ΔE2000 14 apart (style.test.ts checks it);
 * the order puts the most distinct colours first, so small label lists differ the most.
 */
export const CATEGORICAL_PALETTE: readonly string[] = [
  "#e6194b", // red
  "#3cb44b", // green
  "#ffe119", // yellow
  "#4363d8", // blue
  "#f58231", // orange
  "#911eb4", // purple
  "#42d4f4", // cyan
  "#f032e6", // magenta
  "#bfef45", // lime
  "#fabed4", // pink
  "#469990", // teal
  "#dcbeff", // lavender
  "#9a6324", // brown
  "#fffac8", // beige
  "#800000", // maroon
  "#aaffc3", // mint
  "#808000", // olive
  "#ffd8b1", // apricot
  "#000075", // navy
];

/** Past the palette (more than 19 labels in one scene), hues a golden angle apart, two lightnesses. */
function extraColor(i: number): string {
  return hslToHex((i * 137.508) % 360, 75, i % 2 === 0 ? 45 : 65);
}

/** Colours of one scene's labels: the palette in label order, the same for the same label list. */
export interface LabelPalette {
  colorOf(label: string): string;
  /** The labels in the order they took their colours. */
  readonly labels: readonly string[];
}

/**
 * Assigns palette colours to labels in the order given (the task's label list, then labels in
 * order of first appearance). Labels not in the list (asked later) get the next free colour.
 */
export function labelPalette(labels: Iterable<string>): LabelPalette {
  const colors = new Map<string, string>();
  const order: string[] = [];
  const add = (label: string) => {
    const i = order.length;
    const color = i < CATEGORICAL_PALETTE.length ? CATEGORICAL_PALETTE[i] : extraColor(i - CATEGORICAL_PALETTE.length);
    colors.set(label, color);
    order.push(label);
    return color;
  };
  for (const l of labels) if (l !== "" && !colors.has(l)) add(l);
  return {
    labels: order,
    colorOf: (label) => (label === "" ? UNLABELED_COLOR : (colors.get(label) ?? add(label))),
  };
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const n = parseInt(hex.slice(1, 7), 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05): equal at l ≈ 0.179.
  return l > 0.179 ? "#111111" : "#ffffff";
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
