import type {
  AnnotationParams,
  AnnotationResponse,
  CuboidannotationParams,
  CuboidannotationResponse,
  LineannotationParams,
  LineannotationResponse,
  PointannotationParams,
  PointannotationResponse,
  PolygonannotationParams,
  PolygonannotationResponse,
} from "../../schema";
import { CUBOID_EDGE_ENDS, FACE_VERTICES } from "../cuboidRules";
import { at, insideCanvas, type ImageBounds as Canvas, type Issues } from "./issues";
import { checkAttributes, checkLabel, labelRules } from "./labels";

// The geometry rules of the image annotation types, beyond their zod shapes: inside the image,
// at least the minimum size, vertex counts in range, cuboids whose parts fit together. Shared by
// the server's response validator and the canvas editor's validation view: one copy.

const ROOT = "response.annotations";

function outside(path: string, issues: Issues, canvas: Canvas) {
  issues.add(path, `lies outside the ${canvas.width}x${canvas.height} image`);
}

export function checkBoxes(p: AnnotationParams, r: AnnotationResponse, canvas: Canvas | null, issues: Issues): void {
  const rules = labelRules(p);
  r.annotations.forEach((a, i) => {
    const path = at(ROOT, i);
    checkLabel(path, a.label, rules, issues);
    checkAttributes(path, a.label, a.attributes, rules, issues);
    if (a.width < p.min_width) issues.add(at(path, "width"), `${a.width} is less than min_width ${p.min_width}`);
    if (a.height < p.min_height) issues.add(at(path, "height"), `${a.height} is less than min_height ${p.min_height}`);
    if (canvas && !(insideCanvas(a.left, a.top, canvas) && insideCanvas(a.left + a.width, a.top + a.height, canvas))) outside(path, issues, canvas);
  });
}

export function checkPoints(p: PointannotationParams, r: PointannotationResponse, canvas: Canvas | null, issues: Issues): void {
  const rules = labelRules(p);
  r.annotations.forEach((a, i) => {
    const path = at(ROOT, i);
    checkLabel(path, a.label, rules, issues);
    checkAttributes(path, a.label, a.attributes, rules, issues);
    if (canvas && !insideCanvas(a.x, a.y, canvas)) outside(path, issues, canvas);
  });
}

export function checkPolylines(
  p: LineannotationParams | PolygonannotationParams,
  r: LineannotationResponse | PolygonannotationResponse,
  canvas: Canvas | null,
  issues: Issues,
): void {
  const rules = labelRules(p);
  r.annotations.forEach((a, i) => {
    const path = at(ROOT, i);
    checkLabel(path, a.label, rules, issues);
    checkAttributes(path, a.label, a.attributes, rules, issues);
    const n = a.vertices.length;
    if (n < p.min_vertices) issues.add(at(path, "vertices"), `has ${n} vertices, fewer than min_vertices ${p.min_vertices}`);
    if (p.max_vertices !== null && n > p.max_vertices) issues.add(at(path, "vertices"), `has ${n} vertices, more than max_vertices ${p.max_vertices}`);
    a.vertices.forEach((v, j) => {
      if (canvas && !insideCanvas(v.x, v.y, canvas)) outside(at(at(path, "vertices"), j), issues, canvas);
    });
  });
}

const near = (ax: number, ay: number, bx: number, by: number) => Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) <= 0.5;

type Point = { x: number; y: number };
const meanX = (points: Point[]) => points.reduce((s, p) => s + p.x, 0) / points.length;

/**
 * Which way the side shows: its corners right or left of the face's centre. A side edge leaves
 * the face from the corner on that side (the editor and test mode draw it so); from the other
 * corner it would cut across the face. null: no side, or one straight ahead, so either corner.
 */
function sideShows(byDesc: ReadonlyMap<string, Point>): "right" | "left" | null {
  const face = FACE_VERTICES.flatMap((d) => byDesc.get(d) ?? []);
  const side = (["side-topcorner", "side-bottomcorner"] as const).flatMap((d) => byDesc.get(d) ?? []);
  if (face.length === 0 || side.length === 0) return null;
  const d = meanX(side) - meanX(face);
  return d > 0 ? "right" : d < 0 ? "left" : null;
}

export function checkCuboids(p: CuboidannotationParams, r: CuboidannotationResponse, canvas: Canvas | null, issues: Issues): void {
  const rules = labelRules(p);
  const n = r.annotations.length;
  if (n < p.min_annotations) issues.add(ROOT, `has ${n} cuboids, fewer than min_annotations ${p.min_annotations}`);
  if (p.max_annotations > 0 && n > p.max_annotations) issues.add(ROOT, `has ${n} cuboids, more than max_annotations ${p.max_annotations}`);
  const camera = Boolean(p.camera_intrinsics && p.camera_rotation_quaternion);
  r.annotations.forEach((a, i) => {
    const path = at(ROOT, i);
    checkLabel(path, a.label, rules, issues);
    checkAttributes(path, a.label, a.attributes, rules, issues);
    const byDesc = new Map<string, Point>();
    a.vertices.forEach((v, j) => {
      const vp = at(at(path, "vertices"), j);
      // The repeat is the one reported; edges are checked against the first.
      if (byDesc.has(v.description)) issues.add(vp, `"${v.description}" appears twice`);
      else byDesc.set(v.description, v);
      if (canvas && !insideCanvas(v.x, v.y, canvas)) outside(vp, issues, canvas);
    });
    for (const d of FACE_VERTICES) if (!byDesc.has(d)) issues.add(at(path, "vertices"), `the face vertex "${d}" is missing`);
    if (byDesc.has("side-topcorner") !== byDesc.has("side-bottomcorner")) {
      issues.add(at(path, "vertices"), "side-topcorner and side-bottomcorner come together");
    }
    const tl = byDesc.get("face-topleft");
    const tr = byDesc.get("face-topright");
    const bl = byDesc.get("face-bottomleft");
    if (tl && tr && Math.abs(tr.x - tl.x) < p.min_width) issues.add(path, `its face is ${Math.abs(tr.x - tl.x)} wide, less than min_width ${p.min_width}`);
    if (tl && bl && Math.abs(bl.y - tl.y) < p.min_height) issues.add(path, `its face is ${Math.abs(bl.y - tl.y)} high, less than min_height ${p.min_height}`);
    const seenEdges = new Set<string>();
    const side = sideShows(byDesc);
    a.edges.forEach((e, j) => {
      const ep = at(at(path, "edges"), j);
      if (seenEdges.has(e.description)) issues.add(ep, `"${e.description}" appears twice`);
      seenEdges.add(e.description);
      const [anyFrom, to] = CUBOID_EDGE_ENDS[e.description];
      const from = anyFrom.length > 1 && side ? anyFrom.filter((d) => d.endsWith(side)) : anyFrom;
      const matches = (ends: readonly string[], x: number, y: number) =>
        ends.some((d) => {
          const v = byDesc.get(d);
          return v !== undefined && near(v.x, v.y, x, y);
        });
      const forward = matches(from, e.x1, e.y1) && matches(to, e.x2, e.y2);
      const backward = matches(from, e.x2, e.y2) && matches(to, e.x1, e.y1);
      if (!forward && !backward) issues.add(ep, `"${e.description}" does not join the vertices ${from.join("/")} and ${to.join("/")}`);
    });
    if (!camera && (a.points_2d || a.points_3d)) {
      issues.add(path, "points_2d and points_3d come only with camera_intrinsics and camera_rotation_quaternion");
    }
  });
}
