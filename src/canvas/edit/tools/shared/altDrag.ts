import type { ToolContext, ToolPointerEvent } from "../../types";
import { beginGesture, type Gesture } from "./gesture";

/**
 * Alt-drag on an object moves it with any create tool (a plain press always draws). Returns true
 * when it took the press; the tool must have a `translating` state.
 */
export function altDragStart(ctx: ToolContext, g: Gesture, e: ToolPointerEvent): boolean {
  if (!e.alt) return false;
  const picked = ctx.pick(e.x, e.y);
  if (!picked) return false;
  ctx.editor.getState().select([picked.id]);
  beginGesture(g, e, "edit", [picked]);
  ctx.editor.getState().setDraft({ mode: "edit", objects: [picked] });
  ctx.transition("translating");
  return true;
}
