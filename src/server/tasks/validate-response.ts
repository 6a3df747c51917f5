import { z } from "zod";
import {
  AudiotranscriptionParams,
  AudiotranscriptionResponse,
  CategorizationParams,
  CategorizationResponse,
  ComparisonParams,
  ComparisonResponse,
  DatacollectionParams,
  DatacollectionResponse,
  SegmentannotationParams,
  SegmentannotationResponse,
  TranscriptionParams,
  TranscriptionResponse,
  describeZodError,
  type TaskType,
} from "../../schema";
import type { Canvas } from "../attachments/attachments";
import { checkVectorResponse, Issues } from "../../geometry/validate";
import { checkSegmentation, type ReadMask } from "./validate/segmentation";
import { checkCategorization, checkComparison, checkDatacollection, checkTranscription } from "./validate/fields";

// One validator for a task's response: its type's zod schema, then the rules that depend on the
// task's params (leaf labels, attribute conditions, vertex counts, sizes, requested fields).
// The live-mode complete endpoint answers with its findings; the test-mode generator's property
// test proves every generated response passes it.

export interface ValidationContext {
  /** The image's size when known; geometry must then lie inside it. */
  canvas?: Canvas | null;
  /** Reads a mask this server hosts, so segmentation pixels can be checked too. */
  readMask?: ReadMask;
}

export type Validation = { ok: true; response: Record<string, unknown> } | { ok: false; errors: string[] };

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string, issues: Issues): z.infer<S> | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  issues.list.push(describeZodError(r.error, value, [prefix]));
  return null;
}

export function validateResponse(type: TaskType, rawParams: unknown, rawResponse: unknown, ctx: ValidationContext = {}): Validation {
  const issues = new Issues();
  const canvas = ctx.canvas ?? null;
  // Stored params were valid when the task was created; parsing again gives them their types.
  const check = <P extends z.ZodType, R extends z.ZodType>(ps: P, rs: R, rules: (p: z.infer<P>, r: z.infer<R>) => void) => {
    const p = parse(ps, rawParams, "params", issues);
    const r = parse(rs, rawResponse, "response", issues);
    if (p !== null && r !== null) rules(p, r);
    return r;
  };
  let response: unknown = null;
  switch (type) {
    case "annotation":
    case "pointannotation":
    case "lineannotation":
    case "polygonannotation":
    case "cuboidannotation":
      // The vector rules live in src/geometry/validate, shared with the canvas editor.
      response = checkVectorResponse(type, rawParams, rawResponse, canvas, issues);
      break;
    case "segmentannotation":
      response = check(SegmentannotationParams, SegmentannotationResponse, (p, r) => checkSegmentation(p, r, canvas, ctx.readMask, issues));
      break;
    case "categorization":
      response = check(CategorizationParams, CategorizationResponse, (p, r) => checkCategorization(p, r, issues));
      break;
    case "comparison":
      response = check(ComparisonParams, ComparisonResponse, (p, r) => checkComparison(p, r, issues));
      break;
    case "transcription":
      response = check(TranscriptionParams, TranscriptionResponse, (p, r) => checkTranscription(p, r, issues));
      break;
    case "datacollection":
      response = check(DatacollectionParams, DatacollectionResponse, (p, r) => checkDatacollection(p, r, issues));
      break;
    case "audiotranscription":
      response = check(AudiotranscriptionParams, AudiotranscriptionResponse, () => {});
      break;
  }
  if (!issues.ok || response === null) return { ok: false, errors: issues.list };
  return { ok: true, response: response as Record<string, unknown> };
}
