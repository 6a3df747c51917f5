/**
 * Pinhole projection for cuboids' `points_3d`: the docs give them "relative to the camera
 * location" with the camera's z-axis as the optical axis, and `camera_intrinsics` as
 * {fx, fy, cx, cy, scalefactor, skew}, where scalefactor is how much smaller the attachment is
 * than the original photo (so focal lengths and offsets are divided by it).
 */
export interface Intrinsics {
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  scalefactor?: number;
  skew?: number;
}

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** Image pixel of a camera-frame point, or null behind (or on) the camera plane. */
export function projectPoint(p: Point3, k: Intrinsics): { x: number; y: number } | null {
  if (!(p.z > 0)) return null;
  const s = k.scalefactor && k.scalefactor > 0 ? k.scalefactor : 1;
  const u = (k.fx * (p.x / p.z) + (k.skew ?? 0) * (p.y / p.z) + k.cx) / s;
  const v = (k.fy * (p.y / p.z) + k.cy) / s;
  return Number.isFinite(u) && Number.isFinite(v) ? { x: u, y: v } : null;
}

/** All points projected, or null when any of them can't be. */
export function projectPoints(points: readonly Point3[], k: Intrinsics): { x: number; y: number }[] | null {
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const q = projectPoint(p, k);
    if (!q) return null;
    out.push(q);
  }
  return out;
}
