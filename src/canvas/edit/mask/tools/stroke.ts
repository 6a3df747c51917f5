import { applyPatch, stampSegment, StrokeCapture } from "../../../../geometry";
import type { ToolDefinition, ToolInstance, ToolPointerEvent, ToolContext } from "../../types";
import { maskPatchCommand } from "../maskCommand";
import { maskSessionOf, type MaskSession } from "../session";
import { brushSizeKey, paintIndex, sessionFor } from "./session";

/**
 * The brush and the eraser: Idle → Painting → Idle. Pointer down stamps a disc, every move
 * stamps the segment from the last point (no gaps at any speed), and release turns the whole
 * stroke into ONE history entry (the dirty rectangle's before/after). Esc, or undo while
 * painting, puts the stroke's pixels back.
 */
function strokeTool(def: Omit<ToolDefinition, "create">, erase: boolean): ToolDefinition {
  return {
    ...def,
    create(): ToolInstance {
      let session: MaskSession | null = null;
      let capture: StrokeCapture | null = null;
      let index = 0;
      let last = { x: 0, y: 0 };

      const stamp = (x: number, y: number) => {
        if (!session || !capture) return;
        const rect = stampSegment(session.raster, last.x, last.y, x, y, session.state.brushSize / 2, index, capture.beforeWrite);
        capture.add(rect);
        if (rect) session.pixelsChanged([rect]);
        last = { x, y };
      };
      // The brush cursor is drawn by the mask layer from the session.
      const track = (ctx: ToolContext, e: ToolPointerEvent) => {
        maskSessionOf(ctx.editor)?.store.setState({ cursor: { x: e.x, y: e.y } });
      };
      const end = () => {
        session = null;
        capture = null;
      };

      return {
        initial: "idle",
        states: {
          idle: {
            id: "idle",
            pointerMove: track,
            pointerDown(ctx, e) {
              if (e.button !== 0) return;
              session = sessionFor(ctx);
              if (!session) return;
              const i = erase ? 0 : paintIndex(ctx, session);
              if (i === null) return end();
              index = i;
              capture = new StrokeCapture(session.raster);
              last = { x: e.x, y: e.y };
              stamp(e.x, e.y);
              ctx.transition("painting");
            },
            key: (ctx, e) => brushSizeKey(ctx, e.key),
          },
          painting: {
            id: "painting",
            pointerMove(ctx, e) {
              track(ctx, e);
              stamp(e.x, e.y);
            },
            pointerUp(ctx, e) {
              stamp(e.x, e.y);
              const patch = capture?.finish() ?? null;
              if (session && patch) ctx.execute(maskPatchCommand(session, patch, erase ? "Erase" : "Brush stroke", { shownWhileDrawing: true }));
              end();
              ctx.transition("idle");
            },
            cancel(ctx) {
              const patch = capture?.finish() ?? null;
              if (session && patch) {
                session.pixelsChanged(applyPatch(session.raster, patch, "before"));
              }
              end();
              ctx.transition("idle");
            },
            key: (ctx, e) => brushSizeKey(ctx, e.key),
          },
        },
      };
    },
  };
}

export const brushTool = strokeTool(
  { id: "brush", label: "Brush", shortcut: "b", hint: "Drag to paint the current label · [ ] brush size · Esc drops the stroke" },
  false,
);

export const eraserTool = strokeTool(
  { id: "eraser", label: "Eraser", shortcut: "e", hint: "Drag to make pixels unlabeled · [ ] size · Esc drops the stroke" },
  true,
);
