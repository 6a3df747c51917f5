import { boxFromCorners, cuboidWithDepth, type CuboidModel } from "../../../geometry";
import { cuboidFromModel } from "../../kinds/cuboid.edit";
import { makeObject } from "../document";
import type { EditObject, ToolContext, ToolDefinition, ToolState } from "../types";
import { altDragStart } from "./shared/altDrag";
import { beginGesture, commitCreate, creationProblem, movedPastSlop, newGesture, previewCreate } from "./shared/gesture";
import { translatingState } from "./shared/states";

/**
 * Cuboid: draw the front face as a rectangle (drag, or click two corners), then move the pointer
 * to set the side's depth and click. The result has the docs' described vertices and edges.
 * Idle → Pointing → Face → Depth → Idle; the whole cuboid is one history entry.
 */
export const cuboidTool: ToolDefinition = {
  id: "cuboid",
  label: "Cuboid",
  shortcut: "c",
  hint: "Draw the front face (drag or click two corners), then move the pointer to set the depth and click. Esc cancels.",
  create() {
    const g = newGesture();
    let face: Omit<CuboidModel, "side"> = { left: 0, top: 0, right: 0, bottom: 0 };

    const objectOf = (m: CuboidModel): EditObject => makeObject("cuboid", cuboidFromModel({ vertices: [], edges: [] }, m));
    const faceTo = (x: number, y: number) => {
      const b = boxFromCorners(g.origin.x, g.origin.y, x, y);
      face = { left: b.left, top: b.top, right: b.left + b.width, bottom: b.top + b.height };
    };
    const showFace = (ctx: ToolContext) => previewCreate(ctx, [objectOf({ ...face, side: null })]);
    const toDepth = (ctx: ToolContext) => {
      const problem = creationProblem(objectOf({ ...face, side: null }), ctx.params.limits);
      if (problem) {
        ctx.editor.getState().setDraft(null);
        ctx.notify(`Not created: ${problem}.`, "error");
        ctx.transition("idle");
        return;
      }
      ctx.transition("depth");
    };

    const idle: ToolState = {
      id: "idle",
      pointerDown(ctx, e) {
        if (altDragStart(ctx, g, e)) return;
        beginGesture(g, e, "create", []);
        faceTo(e.x, e.y);
        ctx.transition("pointing");
      },
    };
    const pointing: ToolState = {
      id: "pointing",
      pointerMove(ctx, e) {
        if (!movedPastSlop(g, e)) return;
        ctx.transition("face");
        faceTo(e.x, e.y);
        showFace(ctx);
      },
      pointerUp(ctx) {
        ctx.transition("face-corner");
      },
      cancel(ctx) {
        ctx.editor.getState().setDraft(null);
      },
    };
    const faceDrag: ToolState = {
      id: "face",
      pointerMove(ctx, e) {
        faceTo(e.x, e.y);
        showFace(ctx);
      },
      pointerUp(ctx, e) {
        faceTo(e.x, e.y);
        toDepth(ctx);
      },
      cancel(ctx) {
        ctx.editor.getState().setDraft(null);
      },
    };
    const faceCorner: ToolState = {
      ...faceDrag,
      id: "face-corner",
      pointerUp: undefined,
      pointerDown(ctx, e) {
        faceTo(e.x, e.y);
        toDepth(ctx);
      },
    };
    let model: CuboidModel | null = null;
    const depth: ToolState = {
      id: "depth",
      enter(ctx) {
        model = null;
        ctx.notify("Move the pointer to set the depth, then click.");
      },
      pointerMove(ctx, e) {
        model = cuboidWithDepth(face, e.x, e.y);
        previewCreate(ctx, [objectOf(model)]);
      },
      pointerDown(ctx, e) {
        model = cuboidWithDepth(face, e.x, e.y);
        const object = objectOf(model);
        ctx.transition("idle");
        void commitCreate(ctx, [object]);
      },
      complete(ctx) {
        // Enter keeps the face alone: a cuboid seen straight on shows no side.
        const object = objectOf(model ?? { ...face, side: null });
        ctx.transition("idle");
        void commitCreate(ctx, [object]);
      },
      cancel(ctx) {
        ctx.editor.getState().setDraft(null);
      },
    };
    return {
      initial: "idle",
      states: { idle, pointing, face: faceDrag, "face-corner": faceCorner, depth, translating: translatingState(g) },
    };
  },
};
