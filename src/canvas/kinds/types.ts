import type { Layers, TaskType } from "../../schema";
import type { Intrinsics } from "../../geometry";
import type { ObjectOfKind, KindName, ObjectSource, SceneObject } from "../scene/types";

/** What a batch draw needs to know about the view; sizes in CSS pixels are divided by `scale`. */
export interface DrawStyle {
  scale: number;
  source: ObjectSource;
  colorOf: (label: string) => string;
  /** The dark outline pass drawn under responses for contrast on any image: strokes only, no fills. */
  halo?: boolean;
}

export interface WireContext {
  id: string;
  /** The task asked for splines (`splines: true` on a lineannotation task). */
  splines: boolean;
  /** The task's `camera_intrinsics`, to project cuboids' `points_3d` when they lack `points_2d`. */
  camera?: Intrinsics | null;
}

/** A shape the interactive overlay draws as a real node, in image pixels. */
export type OverlayShape =
  | { type: "rect"; x: number; y: number; width: number; height: number }
  | { type: "path"; points: number[]; closed: boolean; dashed?: boolean }
  | { type: "dot"; x: number; y: number; text?: string };

/**
 * Everything the canvas knows about one geometry kind. Adding a kind is one module exporting one
 * of these plus an entry in `kinds/index.ts`; edit tools will hang off this object too.
 */
export interface KindDefinition<K extends KindName> {
  kind: K;
  /** Plural, for the legend and the object list. */
  title: string;
  /** The task type whose `response.annotations` holds this kind. */
  responseTaskType: TaskType;
  /** The key in `params.layers`, or null when layers can't hold this kind (points). */
  layerKey: keyof Layers | null;
  /** Validates and normalises one response annotation; null drops an invalid one. */
  fromResponse(raw: unknown, ctx: WireContext): ObjectOfKind<K> | null;
  /** Same for one element of `params.layers[layerKey]`. */
  fromLayer(raw: unknown, ctx: WireContext): ObjectOfKind<K> | null;
  /** Draws many objects of this kind in one pass, in image coordinates (the context is transformed). */
  drawBatch(ctx: CanvasRenderingContext2D, objects: ReadonlyArray<ObjectOfKind<K>>, style: DrawStyle): void;
  /** Where the label text goes, in image pixels. */
  labelAnchor(o: ObjectOfKind<K>): { x: number; y: number };
  /** Exact test after the spatial index narrowed the candidates; tolerance in image pixels. */
  hitTest(o: ObjectOfKind<K>, x: number, y: number, tolerance: number): boolean;
  /** The nodes that show this object hovered or selected. */
  overlay(o: ObjectOfKind<K>): OverlayShape[];
  /** One line for the object list, beyond the label (e.g. "12 vertices"). */
  summary(o: ObjectOfKind<K>): string;
}

export type AnyKindDefinition = { [K in KindName]: KindDefinition<K> }[KindName];

/** Groups objects by label, so a batch sets stroke and fill styles once per label. */
export function groupByLabel<O extends SceneObject>(objects: ReadonlyArray<O>): Map<string, O[]> {
  const groups = new Map<string, O[]>();
  for (const o of objects) {
    const g = groups.get(o.label);
    if (g) g.push(o);
    else groups.set(o.label, [o]);
  }
  return groups;
}

/** Dashed, muted strokes for layers; solid for responses. */
export function applySourceStyle(ctx: CanvasRenderingContext2D, style: DrawStyle, dashPx: number[], alpha: number): void {
  if (style.source === "layer") {
    ctx.setLineDash(dashPx.map((d) => d / style.scale));
    ctx.globalAlpha *= alpha;
  } else {
    ctx.setLineDash([]);
  }
}

export function tracePath(ctx: CanvasRenderingContext2D, points: ArrayLike<number>, closed: boolean): void {
  if (points.length < 2) return;
  ctx.moveTo(points[0], points[1]);
  for (let i = 2; i + 1 < points.length; i += 2) ctx.lineTo(points[i], points[i + 1]);
  if (closed) ctx.closePath();
}
