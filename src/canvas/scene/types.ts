import type { AttributeValues, GeometryKind, SegmentannotationResponse } from "../../schema";
import type { BoxLike, CuboidSegment, DescribedVertex, Rect } from "../../geometry";

/** The vector kinds; masks are raster and live in their own layer. */
export type KindName = Exclude<GeometryKind, "mask">;

/** Where an object came from: the task's response, or the read-only `params.layers`. */
export type ObjectSource = "response" | "layer";

interface SceneObjectBase {
  /** Stable within a scene: `${source}:${kind}:${position in its wire array}`. */
  id: string;
  source: ObjectSource;
  /** "" when the wire object has no label. */
  label: string;
  attributes: AttributeValues;
  bounds: Rect;
}

export interface BoxObject extends SceneObjectBase {
  kind: "box";
  box: BoxLike;
}

export interface PointObject extends SceneObjectBase {
  kind: "point";
  x: number;
  y: number;
}

export interface LineObject extends SceneObjectBase {
  kind: "line";
  /** The wire vertices, flat. */
  points: number[];
  /** What is stroked: the vertices, or the sampled cardinal spline through them. */
  path: number[];
  spline: boolean;
}

export interface PolygonObject extends SceneObjectBase {
  kind: "polygon";
  points: number[];
}

export interface CuboidObject extends SceneObjectBase {
  kind: "cuboid";
  vertices: DescribedVertex[];
  edges: CuboidSegment[];
  /** Front face ring, flat (tl, tr, br, bl). */
  face: number[];
  /** All 8 corners, flat, when the response has points_2d. */
  corners: number[] | null;
}

export type SceneObject = BoxObject | PointObject | LineObject | PolygonObject | CuboidObject;
export type ObjectOfKind<K extends KindName> = Extract<SceneObject, { kind: K }>;

/** Segmentation response images and their label mapping. */
export interface MaskSource {
  indexedImage: string | null;
  combinedImage: string | null;
  labelMapping: SegmentannotationResponse["labelMapping"];
}

/** Everything the canvas draws, in image pixels, independent of the wire format. */
export interface Scene {
  objects: SceneObject[];
  mask: MaskSource | null;
}
