import { applyPatch, type MaskPatch } from "../../../geometry";
import type { Command, CommandTarget } from "../types";
import type { MaskSession } from "./session";

/**
 * A finished mask gesture as one history entry: its dirty rectangles' pixels before and after.
 * The gesture already wrote its pixels while it ran, so the first `do` only reports them; undo
 * and redo write the patch's tiles.
 */
export function maskPatchCommand(session: MaskSession, patch: MaskPatch, label: string, options: { shownWhileDrawing?: boolean } = {}): Command {
  const run = (side: "before" | "after", target: CommandTarget) => {
    const rects = applyPatch(session.raster, patch, side);
    session.pixelsChanged(rects, side === "after" ? patch.unlabeledDelta : -patch.unlabeledDelta);
    target.invalidate("mask");
  };
  let first = true;
  return {
    label,
    record: true,
    do(target) {
      if (first) {
        // Pixels are already in place: count them, and repaint unless the gesture showed each dab.
        first = false;
        session.pixelsChanged(options.shownWhileDrawing ? [] : patch.tiles.map((t) => t.rect), patch.unlabeledDelta);
        target.invalidate("mask");
        return;
      }
      run("after", target);
    },
    undo(target) {
      run("before", target);
    },
  };
}
