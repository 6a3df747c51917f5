import type { ToolContext } from "../../types";
import { maskSessionOf, type MaskSession } from "../session";

/** The segmentation session a mask tool works on; tells the user when there is none yet. */
export function sessionFor(ctx: ToolContext): MaskSession | null {
  const session = maskSessionOf(ctx.editor);
  // No session: the image or the saved masks are still loading, or the masks couldn't be read.
  if (!session) ctx.notify("The mask can't be edited yet: the image or the saved masks are loading, or couldn't be read (see the panel).", "error");
  return session;
}

/** `[` and `]` resize the brush in every mask tool's every state (the size is shared). */
export function brushSizeKey(ctx: ToolContext, key: string): boolean {
  if (key !== "[" && key !== "]") return false;
  const session = maskSessionOf(ctx.editor);
  if (!session) return false;
  session.stepBrush(key === "]" ? 1 : -1);
  return true;
}

/** The class the tool paints, or null (with a message) when none is chosen. */
export function paintIndex(ctx: ToolContext, session: MaskSession): number | null {
  const c = session.activeClass();
  if (!c) {
    ctx.notify("Choose a label to paint first.", "error");
    return null;
  }
  return c.index;
}
