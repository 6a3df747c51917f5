import { parseHexColor, toHexColor } from "../../../geometry";
import type { SegmentannotationParams } from "../../../schema";
import { hslToHex, labelPalette } from "../../style";

/**
 * What a pixel index of the label raster means: a semantic label, or one instance of an
 * instance label. Index 0 is unlabeled. Semantic labels get 1..L in params order once; an
 * instance label gets a new index each time the user starts a new instance of it.
 */
export interface MaskClass {
  index: number;
  label: string;
  /** 0-based instance number for instance labels, null for semantic labels. */
  instance: number | null;
  /** #rrggbb, unique among the classes (the validator refuses a colour used twice). */
  color: string;
}

export const MAX_INDEX = 255;

export interface MaskClasses {
  /** Ordered by index; index 0 never appears. */
  readonly list: readonly MaskClass[];
  readonly instanceLabels: ReadonlySet<string>;
  /** Each label's base colour (the canvas palette, in params order). */
  readonly baseColors: ReadonlyMap<string, string>;
}

export function isInstanceLabel(classes: MaskClasses, label: string): boolean {
  return classes.instanceLabels.has(label);
}

function distinctColor(base: string, taken: ReadonlySet<string>, salt: number): string {
  let color = base.toLowerCase();
  const rgb = parseHexColor(color) ?? [128, 128, 128];
  // Nudge the colour until no other class has it (and it is not black, the unlabeled colour).
  for (let k = 1; taken.has(color) || color === "#000000"; k++) {
    const shift = ((k * 37 + salt * 11) % 120) - 60;
    color = toHexColor(...(rgb.map((v, i) => Math.max(1, Math.min(254, v + (i === k % 3 ? shift : -shift / 2)))) as [number, number, number]));
  }
  return color;
}

/** The classes a fresh segmentation starts with: every semantic label, no instances yet. */
export function initialClasses(params: Pick<SegmentannotationParams, "labels" | "instance_labels">): MaskClasses {
  const palette = labelPalette([...params.labels, ...params.instance_labels]);
  const baseColors = new Map(palette.labels.map((l) => [l, palette.colorOf(l)]));
  const taken = new Set<string>();
  const list = params.labels.map((label, i) => {
    const color = distinctColor(palette.colorOf(label), taken, i);
    taken.add(color);
    return { index: i + 1, label, instance: null, color };
  });
  return { list, instanceLabels: new Set(params.instance_labels), baseColors };
}

/** Instances of `label` so far, in instance order. */
export function instancesOf(classes: MaskClasses, label: string): MaskClass[] {
  return classes.list.filter((c) => c.label === label && c.instance !== null);
}

/**
 * Starts the next instance of an instance label: a fresh index and a colour of the label's hue
 * at a different lightness, so instances of one label look related but stay apart. Null when
 * all 255 indices are in use.
 */
export function addInstance(classes: MaskClasses, label: string): { classes: MaskClasses; added: MaskClass } | null {
  if (!classes.instanceLabels.has(label)) throw new Error(`"${label}" is not an instance label`);
  const used = new Set(classes.list.map((c) => c.index));
  let index = 1;
  while (used.has(index)) index++;
  if (index > MAX_INDEX) return null;
  const instance = instancesOf(classes, label).length;
  const base = classes.baseColors.get(label) ?? "#808080";
  const hue = hueOf(base);
  const light = 38 + ((instance * 17) % 40);
  const sat = 60 + ((instance * 23) % 35);
  const taken = new Set(classes.list.map((c) => c.color));
  const added: MaskClass = { index, label, instance, color: distinctColor(hslToHex((hue + instance * 9) % 360, sat, light), taken, instance) };
  const list = [...classes.list, added].sort((a, b) => a.index - b.index);
  return { classes: { ...classes, list }, added };
}

function hueOf(hex: string): number {
  const [r, g, b] = (parseHexColor(hex) ?? [128, 128, 128]).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

export function classByIndex(classes: MaskClasses, index: number): MaskClass | null {
  return classes.list.find((c) => c.index === index) ?? null;
}

/** "car", or "car #2" for the second instance. */
export function className(c: Pick<MaskClass, "label" | "instance">): string {
  return c.instance === null ? c.label : `${c.label} #${c.instance + 1}`;
}
