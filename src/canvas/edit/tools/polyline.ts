import { toVertices } from "../../../geometry";
import { roundPx } from "../../kinds/edit-common";
import { makeObject } from "../document";
import type { EditObject, ToolContext, ToolDefinition, ToolState } from "../types";
import { altDragStart } from "./shared/altDrag";
import { commitCreate, newGesture } from "./shared/gesture";
import { translatingState } from "./shared/states";

// Lines and polygons are drawn the same way: click vertices; Enter or a double click finishes;
// Backspace removes the last vertex; Esc cancels. min_vertices/max_vertices hold while drawing:
// finishing below the minimum is refused, and reaching the maximum finishes by itself. A polygon
// also closes by clicking its first vertex. Idle → Drawing → Idle; the whole shape is one entry.

/** A click within this many CSS px of the first vertex closes a polygon. */
const CLOSE_RADIUS_PX = 8;

/** The fewest vertices a finished shape may have: the task's minimum, and what makes the shape at all. */
export function minimumVertices(kind: "line" | "polygon", minVertices: number): number {
  return Math.max(minVertices, kind === "polygon" ? 3 : 2);
}

function polylineTool(kind: "line" | "polygon", def: Pick<ToolDefinition, "id" | "label" | "shortcut" | "hint">): ToolDefinition {
  return {
    ...def,
    create() {
      const g = newGesture();
      let points: number[] = [];
      let cursor: { x: number; y: number } | null = null;

      const draft = (): EditObject => makeObject(kind, { vertices: toVertices(points.map(roundPx)) });
      const show = (ctx: ToolContext) => ctx.editor.getState().setDraft({ mode: "create", objects: [draft()], cursor: cursor ?? undefined });
      const count = () => points.length / 2;
      const finish = (ctx: ToolContext) => {
        const min = minimumVertices(kind, ctx.params.limits.minVertices);
        if (count() < min) {
          ctx.notify(`A ${kind} needs at least ${min} vertices (${count()} so far).`, "error");
          return;
        }
        const object = draft();
        points = [];
        cursor = null;
        ctx.transition("idle");
        void commitCreate(ctx, [object]);
      };
      const addVertex = (ctx: ToolContext, x: number, y: number) => {
        points.push(x, y);
        const max = ctx.params.limits.maxVertices;
        if (max !== null && count() >= max) finish(ctx);
        else show(ctx);
      };

      const idle: ToolState = {
        id: "idle",
        pointerDown(ctx, e) {
          if (altDragStart(ctx, g, e)) return;
          points = [];
          cursor = { x: e.x, y: e.y };
          ctx.transition("drawing");
          addVertex(ctx, e.x, e.y);
        },
      };
      const drawing: ToolState = {
        id: "drawing",
        pointerMove(ctx, e) {
          cursor = { x: e.x, y: e.y };
          show(ctx);
        },
        pointerDown(ctx, e) {
          // The second press of a double click finishes (its first press already added the vertex).
          if (e.detail >= 2) {
            finish(ctx);
            return;
          }
          if (kind === "polygon" && count() >= 3) {
            const r = ctx.toImage(CLOSE_RADIUS_PX);
            if (Math.hypot(e.x - points[0], e.y - points[1]) <= r) {
              finish(ctx);
              return;
            }
          }
          addVertex(ctx, e.x, e.y);
        },
        key(ctx, e) {
          if (e.key === "Backspace") {
            points = points.slice(0, -2);
            if (count() === 0) ctx.transition("idle");
            else show(ctx);
            return true;
          }
          return false;
        },
        exit(ctx) {
          if (count() === 0) ctx.editor.getState().setDraft(null);
        },
        complete(ctx) {
          finish(ctx);
        },
        cancel(ctx) {
          points = [];
          cursor = null;
          ctx.editor.getState().setDraft(null);
        },
      };
      return { initial: "idle", states: { idle, drawing, translating: translatingState(g) } };
    },
  };
}

export const lineTool = polylineTool("line", {
  id: "line",
  label: "Line",
  // "L" is the viewer's label-text toggle.
  shortcut: "n",
  hint: "Click to add vertices; Enter or double-click finishes; Backspace removes the last vertex; Esc cancels.",
});

export const polygonTool = polylineTool("polygon", {
  id: "polygon",
  label: "Polygon",
  shortcut: "p",
  hint: "Click to add vertices; click the first vertex or press Enter to close; Backspace removes the last vertex; Esc cancels.",
});
