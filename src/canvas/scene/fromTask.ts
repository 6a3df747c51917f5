import type { Intrinsics } from "../../geometry";
import { SegmentannotationResponse, type Task } from "../../schema";
import { kinds } from "../kinds";
import type { MaskSource, Scene, SceneObject } from "./types";

/** The parts of the wire task object the canvas reads. */
export type CanvasTask = Pick<Task, "type" | "params" | "response">;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The image to draw under the scene: the attachment when it is an image (the default type). */
export function imageUrlOfTask(task: CanvasTask): string | null {
  const { attachment, attachment_type: type } = task.params;
  if (typeof attachment !== "string" || attachment === "") return null;
  return type === undefined || type === "image" ? attachment : null;
}

/**
 * Normalises a wire task into a scene: the response's annotations of the task's kind, every
 * kind from `params.layers` (categorization tasks included), and segmentation masks. Invalid
 * entries are dropped one by one rather than losing the whole task.
 */
export function sceneFromTask(task: CanvasTask): Scene {
  const objects: SceneObject[] = [];
  const params = task.params;
  const splines = params.splines === true || params.splines === "true";
  const layers = isRecord(params.layers) ? params.layers : {};
  const annotations = isRecord(task.response) ? task.response.annotations : undefined;
  const camera = cameraOf(params.camera_intrinsics);

  for (const kind of kinds) {
    if (kind.layerKey) {
      const entries = layers[kind.layerKey];
      if (Array.isArray(entries)) {
        entries.forEach((raw, i) => {
          const o = kind.fromLayer(raw, { id: `layer:${kind.kind}:${i}`, splines: false });
          if (o) objects.push(o);
        });
      }
    }
    if (kind.responseTaskType === task.type && Array.isArray(annotations)) {
      annotations.forEach((raw, i) => {
        const o = kind.fromResponse(raw, { id: `response:${kind.kind}:${i}`, splines, camera });
        if (o) objects.push(o);
      });
    }
  }
  const mask = task.type === "segmentannotation" ? maskOf(task.response) : null;
  return { objects, mask, labels: labelOrder(params, objects, mask), responded: isRecord(task.response) };
}

/** `camera_intrinsics` as sent (numbers, or form strings), or null when absent or unusable. */
function cameraOf(raw: unknown): Intrinsics | null {
  if (!isRecord(raw)) return null;
  const n = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN);
  const k = { fx: n(raw.fx), fy: n(raw.fy), cx: n(raw.cx), cy: n(raw.cy), scalefactor: n(raw.scalefactor ?? 1), skew: n(raw.skew ?? 0) };
  return Object.values(k).every(Number.isFinite) ? k : null;
}

/** The labels a response can carry from a (possibly nested) wire label list: its leaves. */
function labelNames(list: unknown, out: string[]): void {
  if (!Array.isArray(list)) return;
  for (const c of list) {
    if (typeof c === "string") out.push(c);
    else if (isRecord(c)) labelNames(c.subchoices, out);
  }
}

/**
 * The order labels take palette colours in: the task's own label list (`objects_to_annotate`,
 * or a segmentation's `labels` then `instance_labels`), then any other label (layers, mask
 * mapping, response) as it first appears. The same label list always gives the same colours.
 */
function labelOrder(params: CanvasTask["params"], objects: readonly SceneObject[], mask: MaskSource | null): string[] {
  const names: string[] = [];
  labelNames(params.objects_to_annotate, names);
  labelNames(params.labels, names);
  labelNames(params.instance_labels, names);
  if (mask) names.push(...Object.keys(mask.labelMapping));
  for (const o of objects) names.push(o.label);
  return [...new Set(names.filter((n) => n !== ""))];
}

function maskOf(response: unknown): MaskSource | null {
  const parsed = SegmentannotationResponse.safeParse(response);
  if (!parsed.success) return null;
  const { annotations, labelMapping } = parsed.data;
  const labeled: MaskSource["labeled"] = [];
  for (const [label, urls] of Object.entries(annotations.labeled)) {
    if (typeof urls === "string") {
      if (urls) labeled.push({ label, instance: null, url: urls });
    } else {
      urls.forEach((url, instance) => url && labeled.push({ label, instance, url }));
    }
  }
  return {
    indexedImage: annotations.combined.indexedImage || null,
    combinedImage: annotations.combined.image || null,
    labeled,
    labelMapping,
  };
}
