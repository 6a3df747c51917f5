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
  type TaskType,
} from "../../schema";
import { checkCategorization, checkComparison, checkDatacollection, checkTranscription } from "./fields";
import type { ImageBounds, Issues } from "./issues";
import { checkVectorResponse, isVectorTaskType, parse } from "./response";
import { checkSegmentation, type MaskIndexColors } from "./segmentation";

// One validator for a task's response, whatever its type: its type's zod schema, then the rules
// that depend on the task's params. The server's complete endpoint (validateResponse) and the
// workbench's Submit both call this: one copy of the rules.

export interface TaskResponseChecks {
  /**
   * Checks a segmentation answer's pixels once its structure passed; the server passes one that
   * reads the masks it hosts. Without it, only the structure and URLs are checked.
   */
  segmentationPixels?(p: SegmentannotationParams, r: SegmentannotationResponse, indices: MaskIndexColors, issues: Issues): void;
}

/** Returns the parsed response (defaults applied), or null when it or the params didn't parse. */
export function checkTaskResponse(
  type: TaskType,
  rawParams: unknown,
  rawResponse: unknown,
  canvas: ImageBounds | null,
  issues: Issues,
  checks: TaskResponseChecks = {},
): Record<string, unknown> | null {
  if (isVectorTaskType(type)) return checkVectorResponse(type, rawParams, rawResponse, canvas, issues);
  // Stored params were valid when the task was created; parsing again gives them their types.
  const check = <P extends z.ZodType, R extends z.ZodType>(ps: P, rs: R, rules: (p: z.infer<P>, r: z.infer<R>) => void) => {
    const p = parse(ps, rawParams, "params", issues);
    const r = parse(rs, rawResponse, "response", issues);
    if (p !== null && r !== null) rules(p, r);
    return r as Record<string, unknown> | null;
  };
  switch (type) {
    case "segmentannotation":
      return check(SegmentannotationParams, SegmentannotationResponse, (p, r) => {
        const indices = checkSegmentation(p, r, issues);
        if (issues.ok) checks.segmentationPixels?.(p, r, indices, issues);
      });
    case "categorization":
      return check(CategorizationParams, CategorizationResponse, (p, r) => checkCategorization(p, r, issues));
    case "comparison":
      return check(ComparisonParams, ComparisonResponse, (p, r) => checkComparison(p, r, issues));
    case "transcription":
      return check(TranscriptionParams, TranscriptionResponse, (p, r) => checkTranscription(p, r, issues));
    case "datacollection":
      return check(DatacollectionParams, DatacollectionResponse, (p, r) => checkDatacollection(p, r, issues));
    case "audiotranscription":
      return check(AudiotranscriptionParams, AudiotranscriptionResponse, () => {});
  }
  return null;
}
