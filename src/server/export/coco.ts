import { leafLabels, type CocoAnnotation, type CocoCategory, type CocoImage, type LabelChoice } from "../../schema";
import type { TaskRow } from "../store/tasks";
import { readJson } from "../store/json";
import { mapParamsUrls, type PublicUrls } from "../hosted-urls";

// One task as COCO: the task's image, and its boxes, polygons or points as annotations (points as
// single keypoints). Categories are the leaf labels, numbered in the order they are first seen.

export const COCO_TYPES = ["annotation", "polygonannotation", "pointannotation"] as const;

const UNLABELED = "(unlabeled)";

export class CocoCategories {
  private readonly ids = new Map<string, number>();

  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(name, id);
    }
    return id;
  }

  /** Registers a task's labels so categories list the offered labels, used or not. */
  addTask(row: TaskRow): void {
    const params = readJson<{ objects_to_annotate?: LabelChoice[] }>(row.params, "tasks.params");
    for (const leaf of leafLabels(params.objects_to_annotate ?? [])) this.idOf(leaf);
  }

  list(): CocoCategory[] {
    return [...this.ids].map(([name, id]) => ({ id, name, supercategory: name === UNLABELED ? "" : "object" }));
  }
}

export function cocoImage(row: TaskRow, id: number, size: { width: number | null; height: number | null } | undefined, urls: PublicUrls): CocoImage {
  const params = mapParamsUrls(readJson<Record<string, unknown>>(row.params, "tasks.params"), (u) => urls.toPublic(u));
  const url = typeof params.attachment === "string" ? params.attachment : "";
  return { id, file_name: url, coco_url: url, width: size?.width ?? null, height: size?.height ?? null, scale_task_id: row.id };
}

interface Shape {
  label?: string;
  attributes?: Record<string, string | number>;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  vertices?: { x: number; y: number }[];
}

function polygonArea(v: readonly { x: number; y: number }[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const a = v[i];
    const b = v[(i + 1) % v.length];
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}

/** The task's annotations as COCO annotations, numbered from `firstId`. */
export function cocoAnnotations(row: TaskRow, imageId: number, firstId: number, categories: CocoCategories): CocoAnnotation[] {
  if (row.status !== "completed" || row.response === null) return [];
  const response = readJson<{ annotations?: Shape[] }>(row.response, "tasks.response");
  const out: CocoAnnotation[] = [];
  for (const a of response.annotations ?? []) {
    const common = {
      id: firstId + out.length,
      image_id: imageId,
      category_id: categories.idOf(a.label ?? UNLABELED),
      iscrowd: 0 as const,
      ...(a.attributes ? { attributes: a.attributes } : {}),
    };
    if (row.type === "annotation" && a.width !== undefined && a.height !== undefined) {
      const [x, y, w, h] = [a.left ?? 0, a.top ?? 0, a.width, a.height];
      out.push({ ...common, bbox: [x, y, w, h], area: w * h, segmentation: [[x, y, x + w, y, x + w, y + h, x, y + h]] });
    } else if (row.type === "polygonannotation" && a.vertices && a.vertices.length > 0) {
      const xs = a.vertices.map((v) => v.x);
      const ys = a.vertices.map((v) => v.y);
      const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
      out.push({
        ...common,
        bbox: [x0, y0, Math.max(...xs) - x0, Math.max(...ys) - y0],
        area: polygonArea(a.vertices),
        segmentation: [a.vertices.flatMap((v) => [v.x, v.y])],
      });
    } else if (row.type === "pointannotation" && a.x !== undefined && a.y !== undefined) {
      out.push({ ...common, bbox: [a.x, a.y, 0, 0], area: 0, segmentation: [], keypoints: [a.x, a.y, 2], num_keypoints: 1 });
    }
  }
  return out;
}
