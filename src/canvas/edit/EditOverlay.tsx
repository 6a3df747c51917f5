import { useEffect, useRef } from "react";
import type Konva from "konva";
import { Layer, Shape } from "react-konva";
import { editOf, kindOf, type OverlayShape } from "../kinds";
import { useCanvasRuntime } from "../runtime";
import { useCanvasStoreApi } from "../store";
import { POINT_RADIUS_PX } from "../style";
import { useEditorRuntime } from "./context";
import { sceneObjectOf } from "./document";
import { useEditorStoreApi } from "./store";
import type { EditDocument, EditObject, EditorState, HandleAt } from "./types";

const ERROR = "#ef4444";
const HANDLE_PX = 4;
/** Past this many selected objects, only outlines are drawn (handles would be noise). */
const MAX_HANDLE_OBJECTS = 50;

/**
 * The edit overlay: the gesture's draft (the object being drawn or edited, which has left the
 * static layer), the selection with its handles, the hovered object, objects with validation
 * errors, and the marquee. One Shape drawn by hand: a redraw costs about a millisecond whatever
 * the scene holds, so dragging never touches the static layer.
 */
export function EditOverlay({ errorIds }: { errorIds: ReadonlySet<string> }) {
  const { renderer, colors } = useCanvasRuntime();
  const canvas = useCanvasStoreApi();
  const editor = useEditorStoreApi();
  const { params } = useEditorRuntime();
  const layerRef = useRef<Konva.Layer>(null);
  const errorsRef = useRef(errorIds);
  errorsRef.current = errorIds;

  useEffect(() => {
    renderer.register("overlay", layerRef.current);
    const offEditor = editor.subscribe((s, prev) => {
      if (s.draft !== prev.draft || s.selection !== prev.selection || s.selectedVertex !== prev.selectedVertex || s.document !== prev.document) {
        renderer.invalidate("overlay");
      }
    });
    const offCanvas = canvas.subscribe((s, prev) => {
      if (s.hoveredId !== prev.hoveredId) renderer.invalidate("overlay");
    });
    return () => {
      offEditor();
      offCanvas();
      renderer.register("overlay", null);
    };
  }, [renderer, editor, canvas]);

  useEffect(() => renderer.invalidate("overlay"), [errorIds, renderer]);

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(k) => {
          const ctx = k._context;
          const s = editor.getState();
          const scale = canvas.getState().view.scale;
          const hovered = canvas.getState().hoveredId;
          drawOverlay(ctx, s, scale, hovered, errorsRef.current, params.splines, params.limits, colors.colorOf);
        }}
      />
    </Layer>
  );
}

function drawOverlay(
  ctx: CanvasRenderingContext2D,
  s: EditorState,
  scale: number,
  hoveredId: string | null,
  errorIds: ReadonlySet<string>,
  splines: boolean,
  limits: Parameters<ReturnType<typeof editOf>["handles"]>[1],
  colorOf: (label: string) => string,
): void {
  const px = (v: number) => v / scale;
  const draftIds = new Set(s.draft?.objects.map((o) => o.id) ?? []);
  const byId = objectsById(s.document);
  ctx.save();
  ctx.lineJoin = "round";

  // Objects with validation errors: a red halo, so missing labels/attributes show on the image.
  if (errorIds.size > 0 && errorIds.size <= 2000) {
    for (const id of errorIds) {
      const o = byId.get(id);
      if (o && !draftIds.has(id)) outline(ctx, o, splines, ERROR, px(4), 0.5, px);
    }
  }
  const hovered = hoveredId ? byId.get(hoveredId) : undefined;
  if (hovered && !draftIds.has(hovered.id) && !s.selection.includes(hovered.id)) outline(ctx, hovered, splines, colorOf(hovered.annotation.label ?? ""), px(2.5), 0.9, px);

  const selected = s.selection.map((id) => byId.get(id)).filter((o): o is EditObject => o !== undefined && !draftIds.has(o.id));
  for (const o of selected) {
    outline(ctx, o, splines, "#ffffff", px(6), 0.85, px);
    outline(ctx, o, splines, colorOf(o.annotation.label ?? ""), px(3), 1, px);
  }
  if (selected.length <= MAX_HANDLE_OBJECTS) {
    for (const o of selected) handles(ctx, editOf(o.kind).handles(o.annotation, limits), s.selectedVertex?.id === o.id ? s.selectedVertex.index : -1, px);
  }

  if (s.draft) {
    const invalid = s.draft.invalid === true;
    for (const o of s.draft.objects) {
      const color = invalid ? ERROR : colorOf(o.annotation.label ?? "");
      outline(ctx, o, splines, "#ffffff", px(6), 0.85, px, invalid);
      outline(ctx, o, splines, color, px(3), 1, px, invalid);
      if (s.draft.mode === "edit" && s.draft.objects.length <= MAX_HANDLE_OBJECTS) handles(ctx, editOf(o.kind).handles(o.annotation, limits), -1, px);
    }
    const first = s.draft.objects[0];
    if (first && s.draft.cursor && "vertices" in first.annotation && first.kind !== "cuboid") {
      // The rubber band from the last vertex (and back to the first, for polygons) to the pointer.
      const v = first.annotation.vertices;
      const last = v[v.length - 1];
      ctx.beginPath();
      ctx.setLineDash([px(5), px(4)]);
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = px(2);
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(s.draft.cursor.x, s.draft.cursor.y);
      if (first.kind === "polygon" && v.length >= 2) ctx.lineTo(v[0].x, v[0].y);
      ctx.stroke();
      ctx.setLineDash([]);
      handles(ctx, v.map((p, index) => ({ handle: { type: "vertex", index }, x: p.x, y: p.y })), -1, px);
    }
    if (s.draft.note && first) note(ctx, s.draft.note, sceneObjectOf(first, splines)?.bounds ?? null, px);
    if (s.draft.marquee) {
      const m = s.draft.marquee;
      ctx.setLineDash([px(4), px(3)]);
      ctx.strokeStyle = "#38bdf8";
      ctx.lineWidth = px(1.5);
      ctx.fillStyle = "rgba(56, 189, 248, 0.12)";
      ctx.fillRect(m.x, m.y, m.width, m.height);
      ctx.strokeRect(m.x, m.y, m.width, m.height);
      ctx.setLineDash([]);
    }
  }
  ctx.restore();
}

const byIdCache = new WeakMap<EditDocument, ReadonlyMap<string, EditObject>>();

/**
 * The document's objects by id, built once per document: the overlay redraws at every pointer
 * move of a gesture, and a map of 10,000 objects per frame would cost more than the drawing.
 */
function objectsById(doc: EditDocument): ReadonlyMap<string, EditObject> {
  let map = byIdCache.get(doc);
  if (!map) {
    map = new Map(doc.objects.map((o) => [o.id, o]));
    byIdCache.set(doc, map);
  }
  return map;
}

/** An object's outline from its kind's overlay shapes (splines sampled as view mode does). */
function outline(
  ctx: CanvasRenderingContext2D,
  o: EditObject,
  splines: boolean,
  color: string,
  width: number,
  alpha: number,
  px: (v: number) => number,
  dashed = false,
): void {
  const scene = sceneObjectOf(o, splines);
  if (!scene) return;
  const shapes: OverlayShape[] = kindOf(scene.kind).overlay(scene);
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dashed ? [px(6), px(4)] : []);
  for (const sh of shapes) {
    ctx.beginPath();
    if (sh.type === "rect") ctx.rect(sh.x, sh.y, sh.width, sh.height);
    else if (sh.type === "path") {
      for (let i = 0; i + 1 < sh.points.length; i += 2) {
        if (i === 0) ctx.moveTo(sh.points[0], sh.points[1]);
        else ctx.lineTo(sh.points[i], sh.points[i + 1]);
      }
      if (sh.closed) ctx.closePath();
    } else {
      ctx.arc(sh.x, sh.y, px(POINT_RADIUS_PX + 1), 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

/** Squares for box handles, dots for vertices (the selected one larger), hollow dots for edge midpoints. */
function handles(ctx: CanvasRenderingContext2D, list: readonly HandleAt[], selectedVertex: number, px: (v: number) => number): void {
  const r = px(HANDLE_PX);
  ctx.lineWidth = px(1.5);
  for (const h of list) {
    ctx.beginPath();
    if (h.handle.type === "resize") {
      ctx.rect(h.x - r, h.y - r, 2 * r, 2 * r);
      ctx.fillStyle = "#ffffff";
      ctx.strokeStyle = "#111827";
    } else if (h.handle.type === "midpoint") {
      ctx.arc(h.x, h.y, r * 0.75, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(255,255,255,0.35)";
      ctx.strokeStyle = "#ffffff";
    } else {
      const selected = h.handle.index === selectedVertex;
      ctx.arc(h.x, h.y, selected ? r * 1.5 : r, 0, 2 * Math.PI);
      ctx.fillStyle = selected ? "#f59e0b" : "#ffffff";
      ctx.strokeStyle = "#111827";
    }
    ctx.fill();
    ctx.stroke();
  }
}

/** The draft's note ("12×8 px is below the minimum …") under its bounds, at a constant screen size. */
function note(ctx: CanvasRenderingContext2D, text: string, bounds: { minX: number; maxY: number } | null, px: (v: number) => number): void {
  if (!bounds) return;
  ctx.font = `${px(12)}px system-ui, sans-serif`;
  ctx.textBaseline = "top";
  const w = ctx.measureText(text).width + px(8);
  const x = bounds.minX;
  const y = bounds.maxY + px(4);
  ctx.fillStyle = ERROR;
  ctx.fillRect(x, y, w, px(18));
  ctx.fillStyle = "#ffffff";
  ctx.fillText(text, x + px(4), y + px(3));
}
