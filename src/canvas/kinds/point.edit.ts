import { PointAnnotation } from "../../schema";
import type { KindEditing } from "../edit/types";
import { roundPx, withAttributes, withLabel } from "./edit-common";

export const pointEditing: KindEditing<"point"> = {
  kind: "point",
  toolId: "point",
  parse: (raw) => {
    const r = PointAnnotation.safeParse(raw);
    return r.success ? r.data : null;
  },
  // A point is its own handle: dragging it moves it.
  handles: (a) => [{ handle: { type: "vertex", index: 0 }, x: a.x, y: a.y }],
  dragHandle: (start, _handle, x, y) => ({ ...start, x: roundPx(x), y: roundPx(y) }),
  translate: (a, dx, dy) => ({ ...a, x: roundPx(a.x + dx), y: roundPx(a.y + dy) }),
  deleteVertex: () => null,
  withLabel,
  withAttributes,
};
