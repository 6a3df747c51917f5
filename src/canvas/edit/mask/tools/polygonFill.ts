import { fillPolygon, StrokeCapture } from "../../../../geometry";
import type { ToolContext, ToolDefinition, ToolInstance } from "../../types";
import { maskPatchCommand } from "../maskCommand";
import { maskSessionOf } from "../session";
import { brushSizeKey, paintIndex, sessionFor } from "./session";

/** Clicking within this many screen pixels of the first vertex closes the outline. */
const CLOSE_PX = 8;

/**
 * Polygon fill: Idle → Outlining → Idle. Click vertices; click the first vertex, double-click
 * or press Enter to fill the outline with the current label (one history entry); Backspace
 * removes the last vertex; Esc drops the outline.
 */
export const polygonFillTool: ToolDefinition = {
  id: "polygon-fill",
  label: "Polygon fill",
  shortcut: "p",
  hint: "Click the outline's vertices; click the first one or press Enter to fill · Backspace removes a vertex · Esc cancels",
  create(): ToolInstance {
    let points: number[] = [];
    const show = (ctx: ToolContext) => maskSessionOf(ctx.editor)?.store.setState({ polygon: points.length ? [...points] : null });
    const reset = (ctx: ToolContext) => {
      points = [];
      show(ctx);
      ctx.transition("idle");
    };
    const finish = (ctx: ToolContext) => {
      const session = sessionFor(ctx);
      if (!session) return reset(ctx);
      if (points.length < 6) {
        ctx.notify("A polygon needs at least 3 vertices.", "error");
        return;
      }
      const index = paintIndex(ctx, session);
      if (index === null) return;
      const capture = new StrokeCapture(session.raster);
      capture.add(fillPolygon(session.raster, points, index, capture.beforeWrite));
      const patch = capture.finish();
      points = [];
      show(ctx);
      if (patch) ctx.execute(maskPatchCommand(session, patch, "Polygon fill"));
      else ctx.notify("The polygon covers no pixel centre (or they already have this label).");
      ctx.transition("idle");
    };
    const track = (ctx: ToolContext, x: number, y: number) => maskSessionOf(ctx.editor)?.store.setState({ cursor: { x, y } });

    return {
      initial: "idle",
      states: {
        idle: {
          id: "idle",
          pointerMove: (ctx, e) => track(ctx, e.x, e.y),
          pointerDown(ctx, e) {
            if (e.button !== 0 || !sessionFor(ctx)) return;
            points = [e.x, e.y];
            show(ctx);
            ctx.transition("outlining");
          },
          key: (ctx, e) => brushSizeKey(ctx, e.key),
        },
        outlining: {
          id: "outlining",
          pointerMove: (ctx, e) => track(ctx, e.x, e.y),
          pointerDown(ctx, e) {
            if (e.button !== 0) return;
            const near = Math.hypot(e.x - points[0], e.y - points[1]) <= ctx.toImage(CLOSE_PX);
            if (near && points.length >= 6) return finish(ctx);
            // The second click of a double click lands on the last vertex: don't add it twice.
            if (e.detail >= 2) return;
            points.push(e.x, e.y);
            show(ctx);
          },
          doubleClick: (ctx) => finish(ctx),
          complete: (ctx) => finish(ctx),
          cancel: (ctx) => reset(ctx),
          key(ctx, e) {
            if (e.key === "Backspace") {
              points.splice(-2, 2);
              if (points.length === 0) reset(ctx);
              else show(ctx);
              return true;
            }
            return brushSizeKey(ctx, e.key);
          },
        },
      },
    };
  },
};
