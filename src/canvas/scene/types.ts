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
  /** All 8 corners, flat, from points_2d or projected from points_3d. */
  corners: number[] | null;
  /** Where the corners came from; null when there are none. */
  cornersFrom: "points_2d" | "points_3d" | null;
  /** The response's 3D corners (camera frame), when it has them. */
  points3d: { x: number; y: number; z: number }[] | null;
}

export type SceneObject = BoxObject | PointObject | LineObject | PolygonObject | CuboidObject;
export type ObjectOfKind<K extends KindName> = Extract<SceneObject, { kind: K }>;

/** Segmentation response images and their label mapping. */
export interface MaskSource {
  indexedImage: string | null;
  combinedImage: string | null;
  /** Per-label masks (`annotations.labeled`): white where the label, or one instance of it, is. */
  labeled: { label: string; instance: number | null; url: string }[];
  labelMapping: SegmentannotationResponse["labelMapping"];
}

/** Everything the canvas draws, in image pixels, independent of the wire format. */
export interface Scene {
  objects: SceneObject[];
  mask: MaskSource | null;
  /**
   * Labels in the order they take palette colours: the task's label list, then labels as they
   * first appear. Absent in a hand-built scene: then the order of first appearance.
   */
  labels?: string[];
  /** False when the task has no response yet (pending); absent in a hand-built scene. */
  responded?: boolean;
}
