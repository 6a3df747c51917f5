import { boxFromCorners } from "../../../../geometry";
import { editOf } from "../../../kinds";
import type { EditObject, ToolState } from "../../types";
import { commitCreate, commitEdit, previewCreate, translated, type Gesture } from "./gesture";

// The select tool's gesture states, made per tool so create tools can hand off to them: the box
// tool's Pointing creates a draft and enters `dragging-handle`, so sizing a new box is resizing
// it, and release is one history entry either way.

/** Moves the gesture's objects with the pointer; release commits one move. */
export function translatingState(g: Gesture, done = "idle"): ToolState {
  return {
    id: "translating",
    pointerMove(ctx, e) {
      g.current = translated(g, e);
      ctx.editor.getState().setDraft({ mode: "edit", objects: g.current });
    },
    pointerUp(ctx, e) {
      g.current = translated(g, e);
      commitEdit(ctx, g, g.start.length === 1 ? `Move ${g.start[0].kind}` : `Move ${g.start.length} objects`);
      ctx.transition(done);
    },
    cancel(ctx) {
      ctx.editor.getState().setDraft(null);
    },
  };
}

/**
 * Drags one handle of the gesture's single object: a box corner or edge, a vertex, or an edge
 * midpoint (which inserts a vertex). In create mode the size limits aren't applied while
 * dragging (the draft shows the error style instead) and release commits a creation.
 */
export function draggingHandleState(g: Gesture, done = "idle"): ToolState {
  const update = (ctx: Parameters<NonNullable<ToolState["pointerMove"]>>[0], x: number, y: number) => {
    const start = g.start[0];
    if (!start || !g.handle) return;
    const limits = g.mode === "create" ? { ...ctx.params.limits, minWidth: 0, minHeight: 0 } : ctx.params.limits;
    const annotation = editOf(start.kind).dragHandle(start.annotation, g.handle, x, y, limits, { shift: false });
    g.current = [{ ...start, annotation }];
    if (g.mode === "create") previewCreate(ctx, g.current);
    else ctx.editor.getState().setDraft({ mode: "edit", objects: g.current });
  };
  return {
    id: "dragging-handle",
    pointerMove(ctx, e) {
      update(ctx, e.x, e.y);
    },
    pointerUp(ctx, e) {
      update(ctx, e.x, e.y);
      const handle = g.handle;
      ctx.transition(done);
      if (g.mode === "create") {
        void commitCreate(ctx, g.current);
        return;
      }
      commitEdit(ctx, g, handle?.type === "midpoint" ? "Insert vertex" : handle?.type === "resize" ? `Resize ${g.start[0].kind}` : "Move vertex");
      // The inserted or moved vertex stays selected, so Delete removes it.
      const id = g.start[0].id;
      if (handle?.type === "midpoint") ctx.editor.getState().select([id], { id, index: handle.index + 1 });
      else if (handle?.type === "vertex") ctx.editor.getState().select([id], { id, index: handle.index });
    },
    cancel(ctx) {
      ctx.editor.getState().setDraft(null);
    },
  };
}

/** Drag-rectangle selection: objects wholly inside are selected (added to it with Shift). */
export function marqueeState(g: Gesture & { additive?: boolean }, done = "idle"): ToolState {
  const rect = (x: number, y: number) => {
    const b = boxFromCorners(g.origin.x, g.origin.y, x, y);
    return { x: b.left, y: b.top, width: b.width, height: b.height };
  };
  return {
    id: "marquee",
    pointerMove(ctx, e) {
      ctx.editor.getState().setDraft({ mode: "edit", objects: [], marquee: rect(e.x, e.y) });
    },
    pointerUp(ctx, e) {
      const r = rect(e.x, e.y);
      const s = ctx.editor.getState();
      const inside = s.document.objects.filter((o) => objectInside(o, r)).map((o) => o.id);
      const ids = g.additive ? [...new Set([...s.selection, ...inside])] : inside;
      s.setDraft(null);
      s.select(ids);
      ctx.transition(done);
    },
    cancel(ctx) {
      ctx.editor.getState().setDraft(null);
    },
  };
}

function objectInside(o: EditObject, r: { x: number; y: number; width: number; height: number }): boolean {
  const pts = editOf(o.kind).handles(o.annotation, { minWidth: 0, minHeight: 0, minVertices: 1, maxVertices: 0 });
  if (pts.length === 0) return false;
  return pts.every((p) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height);
}
