import { boxFromCorners } from "../../../geometry";
import { roundPx } from "../../kinds/edit-common";
import { makeObject } from "../document";
import type { ToolDefinition, ToolState } from "../types";
import { beginGesture, commitCreate, movedPastSlop, newGesture, previewCreate } from "./shared/gesture";
import { altDragStart } from "./shared/altDrag";
import { draggingHandleState, translatingState } from "./shared/states";

/**
 * Box: drag from corner to corner, or click one corner and then the other. A press inside an
 * existing box starts a NEW box (Alt-drag moves the box instead). Dragging hands off to the
 * select tool's `dragging-handle` state on the new box's SE corner, so creating and sizing is
 * one gesture and one history entry.
 * Idle → Pointing → (drag) DraggingHandle → Idle | (click) SecondCorner → Idle.
 */
export const boxTool: ToolDefinition = {
  id: "box",
  label: "Box",
  shortcut: "b",
  hint: "Drag from corner to corner, or click two corners. Alt-drag moves a box.",
  create() {
    const g = newGesture();
    const draftBox = (x0: number, y0: number, x1: number, y1: number) => {
      const b = boxFromCorners(x0, y0, x1, y1);
      return makeObject("box", { left: roundPx(b.left), top: roundPx(b.top), width: roundPx(b.width), height: roundPx(b.height) });
    };

    const idle: ToolState = {
      id: "idle",
      pointerDown(ctx, e) {
        if (altDragStart(ctx, g, e)) return;
        beginGesture(g, e, "create", []);
        ctx.transition("pointing");
      },
    };
    const pointing: ToolState = {
      id: "pointing",
      pointerMove(ctx, e) {
        if (!movedPastSlop(g, e)) return;
        const o = draftBox(g.origin.x, g.origin.y, g.origin.x, g.origin.y);
        beginGesture(g, { ...e, x: g.origin.x, y: g.origin.y, sx: g.origin.sx, sy: g.origin.sy }, "create", [o], { type: "resize", dir: "se" });
        ctx.transition("dragging-handle");
        ctx.editor.getState().setDraft(null);
        draggingHandle.pointerMove?.(ctx, e);
      },
      pointerUp(ctx) {
        ctx.transition("second-corner");
      },
    };
    const secondCorner: ToolState = {
      id: "second-corner",
      enter(ctx) {
        ctx.notify("Click the opposite corner (Esc cancels).");
      },
      pointerMove(ctx, e) {
        previewCreate(ctx, [draftBox(g.origin.x, g.origin.y, e.x, e.y)]);
      },
      pointerDown(ctx, e) {
        const o = draftBox(g.origin.x, g.origin.y, e.x, e.y);
        ctx.transition("idle");
        void commitCreate(ctx, [o]);
      },
      cancel(ctx) {
        ctx.editor.getState().setDraft(null);
      },
    };
    const draggingHandle = draggingHandleState(g);
    return {
      initial: "idle",
      states: { idle, pointing, "second-corner": secondCorner, "dragging-handle": draggingHandle, translating: translatingState(g) },
    };
  },
};
