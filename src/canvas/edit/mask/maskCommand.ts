import { applyPatch, type MaskPatch } from "../../../geometry";
import type { Command, CommandTarget } from "../types";
import type { MaskSession } from "./session";

/**
 * A finished mask gesture as one history entry: the dirty rectangle's pixels before and after.
 * The gesture already wrote its pixels while it ran, so the first `do` rewrites the same bytes
 * (cheap, and it keeps do/undo symmetric for redo).
 */
export function maskPatchCommand(session: MaskSession, patch: MaskPatch, label: string): Command {
  const run = (side: "before" | "after", target: CommandTarget) => {
    const rect = applyPatch(session.raster, patch, side);
    session.pixelsChanged(rect, side === "after" ? patch.unlabeledDelta : -patch.unlabeledDelta);
    target.invalidate("mask");
  };
  let first = true;
  return {
    label,
    record: true,
    do(target) {
      if (first) {
        // Pixels are already in place; only the count and listeners need to hear of it.
        first = false;
        session.pixelsChanged(patch.rect, patch.unlabeledDelta);
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
