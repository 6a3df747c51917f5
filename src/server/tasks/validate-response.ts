import type { TaskType } from "../../schema";
import type { Canvas } from "../attachments/attachments";
import { checkTaskResponse, Issues } from "../../geometry/validate";
import { checkSegmentationPixels, type ReadMask } from "./validate/segmentation";

// One validator for a task's response: the shared rules (src/geometry/validate, which the
// workbench's Submit runs too) plus what only the server can see, the pixels of the masks it
// hosts. The live-mode complete endpoint answers with its findings; the test-mode generator's
// property test proves every generated response passes it.

export interface ValidationContext {
  /** The image's size when known; geometry must then lie inside it. */
  canvas?: Canvas | null;
  /** Reads a mask this server hosts, so segmentation pixels can be checked too. */
  readMask?: ReadMask;
}

export type Validation = { ok: true; response: Record<string, unknown> } | { ok: false; errors: string[] };

export function validateResponse(type: TaskType, rawParams: unknown, rawResponse: unknown, ctx: ValidationContext = {}): Validation {
  const issues = new Issues();
  const canvas = ctx.canvas ?? null;
  const { readMask } = ctx;
  const response = checkTaskResponse(type, rawParams, rawResponse, canvas, issues, {
    segmentationPixels: readMask ? (p, r, indices, found) => checkSegmentationPixels(p, r, canvas, readMask, indices, found) : undefined,
  });
  if (!issues.ok || response === null) return { ok: false, errors: issues.list };
  return { ok: true, response };
}
