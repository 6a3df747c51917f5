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
        const o = kind.fromResponse(raw, { id: `response:${kind.kind}:${i}`, splines });
        if (o) objects.push(o);
      });
    }
  }
  return { objects, mask: task.type === "segmentannotation" ? maskOf(task.response) : null };
}

function maskOf(response: unknown): MaskSource | null {
  const parsed = SegmentannotationResponse.safeParse(response);
  if (!parsed.success) return null;
  const { annotations, labelMapping } = parsed.data;
  return {
    indexedImage: annotations.combined.indexedImage || null,
    combinedImage: annotations.combined.image || null,
    labelMapping,
  };
}
