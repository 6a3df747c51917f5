import { isBelowMinimum } from "../../../../geometry";
import { editOf } from "../../../kinds";
import { addObjects, translateObjects, updateObjects } from "../../commands";
import type { EditLimits, EditObject, Handle, ToolContext, ToolPointerEvent } from "../../types";

/** A press that moves less than this (CSS px) is a click, not a drag. */
export const CLICK_SLOP_PX = 3;

/**
 * What a gesture works on, shared by the states of one tool: the objects as they were when it
 * started, the handle being dragged, and whether the objects are new (create) or existing (edit).
 * The create tools fill it and hand off to the same states the select tool uses.
 */
export interface Gesture {
  mode: "create" | "edit";
  origin: { x: number; y: number; sx: number; sy: number };
  start: EditObject[];
  handle: Handle | null;
  /** The latest preview (what pointer up commits). */
  current: EditObject[];
}

export function newGesture(): Gesture {
  return { mode: "edit", origin: { x: 0, y: 0, sx: 0, sy: 0 }, start: [], handle: null, current: [] };
}

export function beginGesture(g: Gesture, e: ToolPointerEvent, mode: Gesture["mode"], start: EditObject[], handle: Handle | null = null): void {
  g.mode = mode;
  g.origin = { x: e.x, y: e.y, sx: e.sx, sy: e.sy };
  g.start = start;
  g.current = start;
  g.handle = handle;
}

export function movedPastSlop(g: Gesture, e: ToolPointerEvent): boolean {
  return Math.hypot(e.sx - g.origin.sx, e.sy - g.origin.sy) >= CLICK_SLOP_PX;
}

/** Limits a creation is checked against, or null when none applies to this kind. */
export function creationProblem(o: EditObject, limits: EditLimits): string | null {
  const a = o.annotation;
  if (o.kind === "box" && "width" in a && isBelowMinimum(a, limits.minWidth, limits.minHeight)) {
    return `${Math.round(a.width)}×${Math.round(a.height)} px is below the minimum ${limits.minWidth}×${limits.minHeight}`;
  }
  if (o.kind === "cuboid" && "vertices" in a) {
    const xs = a.vertices.filter((v) => "description" in v && String(v.description).startsWith("face")).map((v) => v.x);
    const ys = a.vertices.filter((v) => "description" in v && String(v.description).startsWith("face")).map((v) => v.y);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    if (w < limits.minWidth || h < limits.minHeight) {
      return `face ${Math.round(w)}×${Math.round(h)} px is below the minimum ${limits.minWidth}×${limits.minHeight}`;
    }
  }
  return null;
}

/** Shows new objects as the draft, in the error style with a note when they break a limit. */
export function previewCreate(ctx: ToolContext, objects: EditObject[], extra: { cursor?: { x: number; y: number } } = {}): void {
  const problem = objects.length > 0 ? creationProblem(objects[0], ctx.params.limits) : null;
  ctx.editor.getState().setDraft({ mode: "create", objects, invalid: problem !== null, note: problem ?? undefined, ...extra });
}

/**
 * Ends a creation: refused with a message when it breaks a limit; otherwise the object gets its
 * label (the current one, or whatever the picker answers) and ONE addObjects enters history.
 * The draft stays on screen while the picker is open; cancelling the picker creates nothing.
 */
export async function commitCreate(ctx: ToolContext, objects: EditObject[]): Promise<boolean> {
  const editor = ctx.editor.getState();
  const problem = objects.length > 0 ? creationProblem(objects[0], ctx.params.limits) : "nothing drawn";
  if (problem) {
    editor.setDraft(null);
    ctx.notify(`Not created: ${problem}.`, "error");
    return false;
  }
  const label = await ctx.requestLabel();
  if (label === null) {
    ctx.editor.getState().setDraft(null);
    ctx.notify("Not created: no label chosen.");
    return false;
  }
  const labelled = objects.map((o) => ({ ...o, annotation: editOf(o.kind).withLabel(o.annotation, label) }));
  ctx.execute(addObjects(labelled));
  return true;
}

/** Ends an edit gesture: one updateObjects entry when anything changed. */
export function commitEdit(ctx: ToolContext, g: Gesture, label: string): void {
  const changed = g.current.filter((o, i) => o.annotation !== g.start[i]?.annotation);
  if (changed.length > 0) ctx.execute(updateObjects(g.start.filter((o) => changed.some((c) => c.id === o.id)), changed, label));
  else ctx.editor.getState().setDraft(null);
}

export function translated(g: Gesture, e: ToolPointerEvent): EditObject[] {
  const dx = e.x - g.origin.x;
  const dy = e.y - g.origin.y;
  return g.start.map((o) => ({ ...o, annotation: editOf(o.kind).translate(o.annotation, dx, dy) }));
}

export { translateObjects };
