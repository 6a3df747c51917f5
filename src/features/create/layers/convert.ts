// Between the editor's annotations (a task type's response) and the docs' `layers` format:
// a box task's boxes are layer boxes, a line task's lines layer lines, and so on.
import type { BoxAnnotation, CuboidAnnotation, LayerCuboid, LayerLine, Layers, PolygonAnnotation, TaskType } from "../../../schema";

export type LayersValue = Layers;
export type LayerKind = "boxes" | "lines" | "polygons" | "cuboids";
export const LAYER_KINDS: readonly LayerKind[] = ["boxes", "lines", "polygons", "cuboids"];

/** The task type whose editor draws each layer kind. */
export const EDITOR_TYPE = {
  boxes: "annotation",
  lines: "lineannotation",
  polygons: "polygonannotation",
  cuboids: "cuboidannotation",
} as const satisfies Record<LayerKind, TaskType>;

export const KIND_LABEL: Record<LayerKind, string> = { boxes: "Boxes", lines: "Lines", polygons: "Polygons", cuboids: "Cuboids" };

/** Which layer kind a finished task's response becomes (the docs chain a box task into segmentation). */
export function layerKindOfType(type: TaskType): LayerKind | null {
  for (const kind of LAYER_KINDS) if (EDITOR_TYPE[kind] === type) return kind;
  return null;
}

const withLabel = <T extends object>(o: T, label: unknown): T => (typeof label === "string" && label !== "" ? { ...o, label } : o);

/** One response annotation as a layer entry: geometry and label only (attributes aren't part of layers). */
export function toLayerEntry(kind: LayerKind, a: Record<string, unknown>): Record<string, unknown> {
  switch (kind) {
    case "boxes": {
      const b = a as BoxAnnotation;
      return withLabel({ left: b.left, top: b.top, width: b.width, height: b.height }, b.label);
    }
    case "lines": {
      const l = a as LayerLine;
      return withLabel({ vertices: l.vertices, ...(l.spline !== undefined ? { spline: l.spline } : {}) }, l.label);
    }
    case "polygons":
      return withLabel({ vertices: (a as PolygonAnnotation).vertices }, a.label);
    case "cuboids": {
      const c = a as CuboidAnnotation | LayerCuboid;
      return withLabel({ vertices: c.vertices, ...(c.edges ? { edges: c.edges } : {}) }, c.label);
    }
  }
}

export function toLayerEntries(kind: LayerKind, annotations: readonly unknown[]): Record<string, unknown>[] {
  return annotations.filter((a): a is Record<string, unknown> => typeof a === "object" && a !== null).map((a) => toLayerEntry(kind, a));
}

/** `layers` with `kind` replaced; empty kinds (and an empty whole) are dropped so nothing empty is sent. */
export function withKind(layers: unknown, kind: LayerKind, entries: readonly unknown[]): Record<string, unknown> | undefined {
  const base = layers && typeof layers === "object" ? { ...(layers as Record<string, unknown>) } : {};
  if (entries.length) base[kind] = entries;
  else delete base[kind];
  return Object.keys(base).length ? base : undefined;
}

export function entriesOf(layers: unknown, kind: LayerKind): unknown[] {
  const list = layers && typeof layers === "object" ? (layers as Record<string, unknown>)[kind] : undefined;
  return Array.isArray(list) ? list : [];
}

export function countLayers(layers: unknown): number {
  return LAYER_KINDS.reduce((n, k) => n + entriesOf(layers, k).length, 0);
}
