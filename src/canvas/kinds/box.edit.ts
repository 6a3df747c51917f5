import { BoxAnnotation } from "../../schema";
import { boxHandlePoint, RESIZE_DIRS, resizeBox, translateBox } from "../../geometry";
import type { KindEditing } from "../edit/types";
import { roundPx, withAttributes, withLabel } from "./edit-common";

export const boxEditing: KindEditing<"box"> = {
  kind: "box",
  toolId: "box",
  parse: (raw) => {
    const r = BoxAnnotation.safeParse(raw);
    return r.success ? r.data : null;
  },
  handles: (a) => RESIZE_DIRS.map((dir) => ({ handle: { type: "resize", dir }, ...boxHandlePoint(a, dir) })),
  dragHandle(start, handle, x, y, limits) {
    if (handle.type !== "resize") return start;
    const b = resizeBox(start, handle.dir, x, y, { width: limits.minWidth, height: limits.minHeight });
    return { ...start, left: roundPx(b.left), top: roundPx(b.top), width: roundPx(b.width), height: roundPx(b.height) };
  },
  translate: (a, dx, dy) => {
    const b = translateBox(a, dx, dy);
    return { ...b, left: roundPx(b.left), top: roundPx(b.top) };
  },
  deleteVertex: () => null,
  withLabel,
  withAttributes,
};
