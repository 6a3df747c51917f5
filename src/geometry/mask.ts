/**
 * Segmentation masks: the docs' `labelMapping` maps each label to {color, index}, or for
 * instance labels to an array of them (one per instance). In the indexed image a pixel's red
 * channel is the index; in the combined image the pixel's colour is the label's colour.
 */

export interface LabelMappingEntry {
  label: string;
  /** Position in the label's instance array, or null for a semantic (non-instance) label. */
  instance: number | null;
  color: string;
  index: number;
}

import type { SegmentannotationResponse } from "../schema";

export type LabelMapping = SegmentannotationResponse["labelMapping"];

export function maskEntries(labelMapping: LabelMapping): LabelMappingEntry[] {
  const out: LabelMappingEntry[] = [];
  for (const [label, value] of Object.entries(labelMapping)) {
    if (Array.isArray(value)) {
      value.forEach((v, i) => out.push({ label, instance: i, color: v.color, index: v.index }));
    } else {
      out.push({ label, instance: null, color: value.color, index: value.index });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** "#9e3fff" or "#9e3" → [r, g, b]; anything unparsable → null. */
export function parseHexColor(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function toHexColor(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/** Lookups in both directions: pixel index → entry and pixel colour → entry. */
export class MaskLookup {
  private readonly byIndex = new Map<number, LabelMappingEntry>();
  private readonly byColor = new Map<number, LabelMappingEntry>();

  constructor(readonly entries: ReadonlyArray<LabelMappingEntry>) {
    for (const e of entries) {
      this.byIndex.set(e.index, e);
      const rgb = parseHexColor(e.color);
      if (rgb) this.byColor.set((rgb[0] << 16) | (rgb[1] << 8) | rgb[2], e);
    }
  }

  atIndex(index: number): LabelMappingEntry | null {
    return this.byIndex.get(index) ?? null;
  }

  atColor(r: number, g: number, b: number): LabelMappingEntry | null {
    return this.byColor.get((r << 16) | (g << 8) | b) ?? null;
  }

  colorOf(index: number): [number, number, number] | null {
    const e = this.byIndex.get(index);
    return e ? parseHexColor(e.color) : null;
  }
}

/**
 * Turns an indexed image (RGBA bytes, index in red) into coloured RGBA for display, with the
 * pixels of hidden entries and unmapped indices transparent. Returns the red channel as well,
 * which is all the label-under-cursor lookup needs to keep.
 */
export function colorizeIndexed(
  rgba: Uint8ClampedArray,
  lookup: MaskLookup,
  isVisible: (e: LabelMappingEntry) => boolean = () => true,
): { rgba: Uint8ClampedArray; indices: Uint8Array } {
  const table = new Uint32Array(256);
  const alpha = new Uint8Array(256);
  for (const e of lookup.entries) {
    const rgb = parseHexColor(e.color);
    if (!rgb || e.index < 0 || e.index > 255 || !isVisible(e)) continue;
    table[e.index] = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
    alpha[e.index] = 255;
  }
  const n = rgba.length / 4;
  const out = new Uint8ClampedArray(rgba.length);
  const indices = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const idx = rgba[4 * i];
    indices[i] = idx;
    const c = table[idx];
    out[4 * i] = c >> 16;
    out[4 * i + 1] = (c >> 8) & 255;
    out[4 * i + 2] = c & 255;
    out[4 * i + 3] = alpha[idx];
  }
  return { rgba: out, indices };
}
