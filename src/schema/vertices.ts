import { z } from "zod";
import { formInt } from "./form";

// min_vertices / max_vertices, shared by line and polygon annotation: an inclusive range,
// min defaults to 1 and max to null (no limit).

export const vertexRange = {
  min_vertices: formInt.check(z.gte(1, { error: "must be at least 1" })).default(1),
  max_vertices: z
    .preprocess((v) => (v === "" || v === "null" ? null : v), formInt.check(z.gte(1, { error: "must be at least 1" })).nullable())
    .default(null),
};

export function checkVertexRange(
  p: { min_vertices: number; max_vertices: number | null },
  ctx: z.RefinementCtx,
): void {
  if (p.max_vertices !== null && p.max_vertices < p.min_vertices) {
    ctx.addIssue({ code: "custom", path: ["max_vertices"], message: "must be at least min_vertices" });
  }
}
