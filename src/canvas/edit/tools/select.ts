import { editOf } from "../../kinds";
import { updateObjects } from "../commands";
import { selectedObjects } from "../store";
import type { ToolContext, ToolDefinition, ToolState } from "../types";
import { beginGesture, movedPastSlop, newGesture } from "./shared/gesture";
import { draggingHandleState, marqueeState, translatingState } from "./shared/states";

/**
 * Select and edit: click / shift-click / drag a rectangle to select; drag objects to move them;
 * drag a handle to resize, move a vertex or (at an edge's midpoint) insert one; Alt-click a
 * vertex to delete it. Idle → Pointing → Translating | DraggingHandle | Marquee → Idle.
 */
export const selectTool: ToolDefinition = {
  id: "select",
  label: "Select",
  shortcut: "v",
  hint: "Click or drag a rectangle to select; drag to move; drag handles to resize or move vertices; drag an edge's middle to add a vertex; Alt-click a vertex to delete it.",
  create() {
    const g = Object.assign(newGesture(), { additive: false });

    const idle: ToolState = {
      id: "idle",
      pointerDown(ctx, e) {
        const s = ctx.editor.getState();
        const hit = ctx.pickHandle(e.x, e.y);
        if (hit) {
          const object = s.document.objects.find((o) => o.id === hit.objectId);
          if (!object) return;
          if (e.alt && hit.handle.type === "vertex") {
            deleteVertexAt(ctx, object.id, hit.handle.index);
            return;
          }
          beginGesture(g, e, "edit", [object], hit.handle);
          ctx.transition("pointing-handle");
          return;
        }
        const picked = ctx.pick(e.x, e.y);
        if (picked) {
          if (e.shift) {
            s.select(s.selection.includes(picked.id) ? s.selection.filter((id) => id !== picked.id) : [...s.selection, picked.id]);
            return;
          }
          if (!s.selection.includes(picked.id)) s.select([picked.id]);
          beginGesture(g, e, "edit", selectedObjects(ctx.editor.getState()));
          ctx.transition("pointing-object");
          return;
        }
        g.additive = e.shift;
        if (!e.shift) s.select([]);
        beginGesture(g, e, "edit", []);
        ctx.transition("pointing-canvas");
      },
    };

    // A press is a click until it moves past the slop; only then does a drag begin.
    // The pressed objects leave the static layer now (their draft is drawn by the overlay), so
    // the drag itself never redraws the static layer.
    const pointing = (id: string, next: string, onClick?: (ctx: ToolContext) => void): ToolState => ({
      id,
      enter(ctx) {
        if (g.start.length > 0) ctx.editor.getState().setDraft({ mode: "edit", objects: g.start });
      },
      pointerMove(ctx, e) {
        if (!movedPastSlop(g, e)) return;
        ctx.transition(next);
        // The move that started the drag counts, so nothing lags a step behind.
        states[next].pointerMove?.(ctx, e);
      },
      pointerUp(ctx) {
        ctx.editor.getState().setDraft(null);
        onClick?.(ctx);
        ctx.transition("idle");
      },
      cancel(ctx) {
        ctx.editor.getState().setDraft(null);
      },
    });

    const pointingHandle = pointing("pointing-handle", "dragging-handle", (ctx) => {
      const h = g.handle;
      const id = g.start[0]?.id;
      if (id && h?.type === "vertex") ctx.editor.getState().select([id], { id, index: h.index });
    });

    const states: Record<string, ToolState> = {
        idle,
        "pointing-handle": pointingHandle,
        "pointing-object": pointing("pointing-object", "translating"),
        "pointing-canvas": pointing("pointing-canvas", "marquee"),
        translating: translatingState(g),
        "dragging-handle": draggingHandleState(g),
        marquee: marqueeState(g),
    };
    return { initial: "idle", states };
  },
};

/** Removes one vertex, never below the kind's minimum (the message says why). */
export function deleteVertexAt(ctx: ToolContext, id: string, index: number): boolean {
  const s = ctx.editor.getState();
  const object = s.document.objects.find((o) => o.id === id);
  if (!object) return false;
  const next = editOf(object.kind).deleteVertex(object.annotation, index, ctx.params.limits);
  if (!next) {
    ctx.notify(object.kind === "cuboid" || object.kind === "box" || object.kind === "point" ? `A ${object.kind}'s vertices can't be deleted.` : `Can't delete: a ${object.kind} needs at least ${Math.max(1, ctx.params.limits.minVertices)} vertices.`, "error");
    return false;
  }
  ctx.execute(updateObjects([object], [{ ...object, annotation: next }], "Delete vertex"));
  s.select([id]);
  return true;
}
