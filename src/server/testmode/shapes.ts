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
import type { Canvas } from "../attachments/attachments";
import type { Rng } from "./rng";
import { labelAndAttributes } from "./labels";

// Synthetic geometry: random, but always inside the image and within the task's limits. When a
// limit can't be met on this image (min_width wider than the image) the answer holds nothing
// rather than something invalid.

const round = (v: number) => Math.round(v * 10) / 10;

/** A span of at least `min` and at most `limit` inside [0, limit]: [start, length], or null. */
function span(rng: Rng, min: number, limit: number): [number, number] | null {
  if (min > limit) return null;
  const length = Math.min(limit, min + rng.next() * Math.max(0, limit * 0.5 - min));
  const len = Math.max(min, Math.floor(length));
  if (len > limit) return null;
  const start = Math.floor(rng.next() * (limit - len));
  return [start, len];
}

export function boxes(p: AnnotationParams, canvas: Canvas, rng: Rng): AnnotationResponse {
  const annotations: AnnotationResponse["annotations"] = [];
  for (let i = rng.int(1, 4); i > 0; i--) {
    const x = span(rng, p.min_width, canvas.width);
    const y = span(rng, p.min_height, canvas.height);
    if (!x || !y) break;
    annotations.push({ left: x[0], top: y[0], width: x[1], height: y[1], ...labelAndAttributes(p, rng) });
  }
  return { annotations };
}

export function points(p: PointannotationParams, canvas: Canvas, rng: Rng): PointannotationResponse {
  const annotations: PointannotationResponse["annotations"] = [];
  for (let i = rng.int(1, 5); i > 0; i--) {
    annotations.push({ x: round(rng.next() * canvas.width), y: round(rng.next() * canvas.height), ...labelAndAttributes(p, rng) });
  }
  return { annotations };
}

function vertexCount(p: { min_vertices: number; max_vertices: number | null }, rng: Rng, floor: number): number {
  const min = Math.max(p.min_vertices, floor);
  const max = p.max_vertices ?? min + 4;
  return min > max ? p.min_vertices : rng.int(min, Math.min(max, min + 6));
}

export function lines(p: LineannotationParams, canvas: Canvas, rng: Rng): LineannotationResponse {
  const annotations: LineannotationResponse["annotations"] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const n = vertexCount(p, rng, 2);
    const vertices = Array.from({ length: n }, (_, k) => ({
      x: round(((k + rng.next()) / n) * canvas.width),
      y: round(rng.next() * canvas.height),
    }));
    annotations.push({ vertices, ...labelAndAttributes(p, rng) });
  }
  return { annotations };
}

export function polygons(p: PolygonannotationParams, canvas: Canvas, rng: Rng): PolygonannotationResponse {
  const annotations: PolygonannotationResponse["annotations"] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const n = vertexCount(p, rng, 3);
    // Points on an ellipse, in order: a simple (non-crossing) polygon.
    const cx = canvas.width * (0.25 + 0.5 * rng.next());
    const cy = canvas.height * (0.25 + 0.5 * rng.next());
    const rx = Math.min(cx, canvas.width - cx) * (0.3 + 0.6 * rng.next());
    const ry = Math.min(cy, canvas.height - cy) * (0.3 + 0.6 * rng.next());
    const vertices = Array.from({ length: n }, (_, k) => {
      const t = (2 * Math.PI * k) / n;
      return { x: round(cx + rx * Math.cos(t)), y: round(cy + ry * Math.sin(t)) };
    });
    annotations.push({ vertices, ...labelAndAttributes(p, rng) });
  }
  return { annotations };
}

type Cuboid = CuboidannotationResponse["annotations"][number];

function cuboid(p: CuboidannotationParams, canvas: Canvas, rng: Rng): Cuboid | null {
  const x = span(rng, p.min_width, canvas.width);
  const y = span(rng, p.min_height, canvas.height);
  if (!x || !y) return null;
  const [left, w] = x;
  const [top, h] = y;
  const right = left + w;
  const bottom = top + h;
  // The side shows towards the roomier half of the image; it recedes a little and shrinks.
  const toRight = canvas.width - right >= left;
  const room = toRight ? canvas.width - right : left;
  const depth = Math.floor(Math.min(room, w * 0.5) * (0.4 + 0.6 * rng.next()));
  const shrink = Math.floor(h * 0.1);
  const fx = toRight ? right : left;
  const sx = toRight ? fx + depth : fx - depth;
  const corner = { tl: [left, top], tr: [right, top], bl: [left, bottom], br: [right, bottom] } as const;
  const vertex = (xy: readonly number[], description: Cuboid["vertices"][number]["description"]) => ({ x: xy[0], y: xy[1], type: "vertex" as const, description });
  const vertices: Cuboid["vertices"] = [
    vertex(corner.tl, "face-topleft"),
    vertex(corner.bl, "face-bottomleft"),
    vertex(corner.tr, "face-topright"),
    vertex(corner.br, "face-bottomright"),
  ];
  const edge = (a: readonly number[], b: readonly number[], description: Cuboid["edges"][number]["description"]) => ({ x1: a[0], y1: a[1], x2: b[0], y2: b[1], type: "edge" as const, description });
  const edges: Cuboid["edges"] = [
    edge(corner.tl, corner.tr, "face-top"),
    edge(corner.tr, corner.br, "face-right"),
    edge(corner.br, corner.bl, "face-bottom"),
    edge(corner.bl, corner.tl, "face-left"),
  ];
  if (depth >= 1) {
    const st = [sx, top + shrink];
    const sb = [sx, bottom - shrink];
    vertices.push(vertex(st, "side-topcorner"), vertex(sb, "side-bottomcorner"));
    edges.push(
      edge(toRight ? corner.tr : corner.tl, st, "side-top"),
      edge(toRight ? corner.br : corner.bl, sb, "side-bottom"),
      edge(st, sb, "side-vertical"),
    );
  }
  const out: Cuboid = { vertices, edges, ...labelAndAttributes(p, rng) };
  if (p.camera_intrinsics && p.camera_rotation_quaternion) {
    // Not a real reconstruction (test mode isn't human quality, as the docs say): the back face is
    // the front one shifted by the side's offset, at a fixed depth.
    const d = toRight ? depth : -depth;
    const front = [corner.tl, corner.tr, corner.br, corner.bl];
    const order = [front[0], front[1], [front[1][0] + d, top + shrink], [front[0][0] + d, top + shrink], front[3], front[2], [front[2][0] + d, bottom - shrink], [front[3][0] + d, bottom - shrink]];
    out.points_2d = order.map(([px, py]) => ({ x: px, y: py }));
    out.points_3d = order.map(([px, py], i) => ({ x: round(px / 100), y: round(py / 100), z: i === 2 || i === 3 || i === 6 || i === 7 ? 12 : 10 }));
  }
  return out;
}

export function cuboids(p: CuboidannotationParams, canvas: Canvas, rng: Rng): CuboidannotationResponse {
  const min = p.min_annotations;
  const max = p.max_annotations > 0 ? p.max_annotations : min + 3;
  const n = Math.min(rng.int(Math.max(min, 1), Math.max(min, Math.min(max, min + 3))), Math.max(min, 50));
  const annotations: Cuboid[] = [];
  for (let i = 0; i < n; i++) {
    const c = cuboid(p, canvas, rng);
    if (c) annotations.push(c);
  }
  return { annotations };
}
