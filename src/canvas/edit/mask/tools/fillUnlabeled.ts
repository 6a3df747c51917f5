import { fillAllUnlabeled, fillUnlabeledAt, StrokeCapture } from "../../../../geometry";
import type { ToolContext, ToolDefinition } from "../../types";
import { maskPatchCommand } from "../maskCommand";
import type { MaskSession } from "../session";
import { brushSizeKey, paintIndex, sessionFor } from "./session";

/**
 * Fills the connected unlabeled area under a click with the current label (Shift+click: every
 * unlabeled pixel of the image). One state, one history entry per click.
 */
export const fillUnlabeledTool: ToolDefinition = {
  id: "fill-unlabeled",
  label: "Fill unlabeled",
  shortcut: "g",
  hint: "Click an unlabeled area to fill it with the current label · Shift+click fills every unlabeled pixel",
  create: () => ({
    initial: "idle",
    states: {
      idle: {
        id: "idle",
        pointerDown(ctx, e) {
          if (e.button !== 0) return;
          const session = sessionFor(ctx);
          if (!session) return;
          if (e.shift) fillAll(ctx, session);
          else fillAt(ctx, session, e.x, e.y);
        },
        key: (ctx, e) => brushSizeKey(ctx, e.key),
      },
    },
  }),
};

function fillAt(ctx: ToolContext, session: MaskSession, x: number, y: number): void {
  const index = paintIndex(ctx, session);
  if (index === null) return;
  const capture = new StrokeCapture(session.raster);
  capture.add(fillUnlabeledAt(session.raster, x, y, index, capture.beforeWrite));
  const patch = capture.finish();
  if (patch) ctx.execute(maskPatchCommand(session, patch, "Fill unlabeled area"));
  else ctx.notify("That pixel already has a label: this tool fills unlabeled areas (use the brush to paint over labels).");
}

/** Also the panel's "Fill all unlabeled" button (through the same command). */
export function fillAll(ctx: Pick<ToolContext, "execute" | "notify">, session: MaskSession): void {
  const c = session.activeClass();
  if (!c) return ctx.notify("Choose a label to paint first.", "error");
  const capture = new StrokeCapture(session.raster);
  capture.add(fillAllUnlabeled(session.raster, c.index, capture.beforeWrite));
  const patch = capture.finish();
  if (patch) ctx.execute(maskPatchCommand(session, patch, "Fill all unlabeled"));
  else ctx.notify("No unlabeled pixels left.");
}
