import { z } from "zod";
import { formArray, formNumber } from "./form";

// Geometry as the docs put it on the wire: image pixels, origin at the top-left corner.
// Layers use the same shapes as responses ("passing one Scale task's data to another is easy"),
// so these objects serve both.

export const Vertex = z.object({ x: formNumber, y: formNumber });
export type Vertex = z.infer<typeof Vertex>;

/** Per-annotation attribute values, keyed by the names in `annotation_attributes`. */
export const AttributeValues = z.record(z.string(), z.union([z.string(), z.number()]));
export type AttributeValues = z.infer<typeof AttributeValues>;

const labelled = {
  label: z.string().optional(),
  attributes: AttributeValues.optional(),
};

export const BoxAnnotation = z.object({
  left: formNumber,
  top: formNumber,
  width: formNumber.refine((v) => v >= 0, { error: "width must be at least 0" }),
  height: formNumber.refine((v) => v >= 0, { error: "height must be at least 0" }),
  ...labelled,
});
export type BoxAnnotation = z.infer<typeof BoxAnnotation>;

export const PointAnnotation = z.object({ x: formNumber, y: formNumber, ...labelled });
export type PointAnnotation = z.infer<typeof PointAnnotation>;

export const LineAnnotation = z.object({
  vertices: formArray(Vertex).check(z.minLength(1, { error: "a line needs at least one vertex" })),
  ...labelled,
});
export type LineAnnotation = z.infer<typeof LineAnnotation>;

export const PolygonAnnotation = z.object({
  vertices: formArray(Vertex).check(z.minLength(1, { error: "a polygon needs at least one vertex" })),
  ...labelled,
});
export type PolygonAnnotation = z.infer<typeof PolygonAnnotation>;

/** The visible vertices of a perspective cuboid: a front face plus the near side's far edge. */
export const CUBOID_VERTEX_DESCRIPTIONS = [
  "face-topleft",
  "face-bottomleft",
  "face-topright",
  "face-bottomright",
  "side-topcorner",
  "side-bottomcorner",
] as const;
export const CuboidVertexDescription = z.enum(CUBOID_VERTEX_DESCRIPTIONS, {
  error: `must be one of ${CUBOID_VERTEX_DESCRIPTIONS.join(", ")}`,
});
export type CuboidVertexDescription = z.infer<typeof CuboidVertexDescription>;

export const CUBOID_EDGE_DESCRIPTIONS = [
  "face-top",
  "face-right",
  "face-bottom",
  "face-left",
  "side-top",
  "side-bottom",
  "side-vertical",
] as const;
export const CuboidEdgeDescription = z.enum(CUBOID_EDGE_DESCRIPTIONS, {
  error: `must be one of ${CUBOID_EDGE_DESCRIPTIONS.join(", ")}`,
});
export type CuboidEdgeDescription = z.infer<typeof CuboidEdgeDescription>;

export const CuboidVertex = z.object({
  x: formNumber,
  y: formNumber,
  type: z.literal("vertex").default("vertex"),
  description: CuboidVertexDescription,
});
export type CuboidVertex = z.infer<typeof CuboidVertex>;

export const CuboidEdge = z.object({
  x1: formNumber,
  y1: formNumber,
  x2: formNumber,
  y2: formNumber,
  type: z.literal("edge").default("edge"),
  description: CuboidEdgeDescription,
});
export type CuboidEdge = z.infer<typeof CuboidEdge>;

/** Order of points_2d / points_3d, from the docs' diagram: 0-3 the front face, 4-7 the back. */
export const Point3d = z.object({ x: z.number(), y: z.number(), z: z.number() });

export const CuboidAnnotation = z.object({
  label: z.string().optional(),
  vertices: formArray(CuboidVertex).check(z.minLength(1, { error: "a cuboid needs its visible vertices" })),
  edges: formArray(CuboidEdge).default([]),
  points_2d: formArray(Vertex).check(z.length(8, { error: "points_2d holds all 8 corners" })).optional(),
  points_3d: formArray(Point3d).check(z.length(8, { error: "points_3d holds all 8 corners" })).optional(),
  attributes: AttributeValues.optional(),
});
export type CuboidAnnotation = z.infer<typeof CuboidAnnotation>;

/** Layer lines may be cardinal splines. */
export const LayerLine = LineAnnotation.extend({ spline: z.boolean().optional() });
export type LayerLine = z.infer<typeof LayerLine>;

/** A cuboid in `layers` needs only labelled vertices; edges are derived when drawn. */
export const LayerCuboid = z.object({
  label: z.string().optional(),
  vertices: formArray(CuboidVertex).check(z.minLength(1, { error: "a cuboid needs its visible vertices" })),
  edges: formArray(CuboidEdge).optional(),
});
export type LayerCuboid = z.infer<typeof LayerCuboid>;

/** Read-only objects pre-drawn on the image. */
export const Layers = z
  .object({
    boxes: formArray(BoxAnnotation).optional(),
    lines: formArray(LayerLine).optional(),
    polygons: formArray(PolygonAnnotation).optional(),
    cuboids: formArray(LayerCuboid).optional(),
  })
  .strict();
export type Layers = z.infer<typeof Layers>;
