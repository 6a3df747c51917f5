import { roundPx } from "../../kinds/edit-common";
import { makeObject } from "../document";
import type { ToolDefinition } from "../types";
import { altDragStart } from "./shared/altDrag";
import { commitCreate, newGesture } from "./shared/gesture";
import { translatingState } from "./shared/states";

/** Point: a click places one. Idle → Pointing → Idle (Alt-drag moves a point). */
export const pointTool: ToolDefinition = {
  id: "point",
  label: "Point",
  shortcut: "o",
  hint: "Click to place a point. Alt-drag moves one.",
  create() {
    const g = newGesture();
    return {
      initial: "idle",
      states: {
        idle: {
          id: "idle",
          pointerDown(ctx, e) {
            if (altDragStart(ctx, g, e)) return;
            ctx.editor.getState().setDraft({ mode: "create", objects: [makeObject("point", { x: e.x, y: e.y })] });
            ctx.transition("pointing");
          },
        },
        pointing: {
          id: "pointing",
          pointerMove(ctx, e) {
            ctx.editor.getState().setDraft({ mode: "create", objects: [makeObject("point", { x: e.x, y: e.y })] });
          },
          pointerUp(ctx, e) {
            ctx.transition("idle");
            void commitCreate(ctx, [makeObject("point", { x: roundPx(e.x), y: roundPx(e.y) })]);
          },
          cancel(ctx) {
            ctx.editor.getState().setDraft(null);
          },
        },
        translating: translatingState(g),
      },
    };
  },
};
