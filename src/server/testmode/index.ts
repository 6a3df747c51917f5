import {
  AnnotationParams,
  AudiotranscriptionParams,
  CategorizationParams,
  ComparisonParams,
  CuboidannotationParams,
  DatacollectionParams,
  LineannotationParams,
  PointannotationParams,
  PolygonannotationParams,
  SegmentannotationParams,
  TranscriptionParams,
  type TaskType,
} from "../../schema";
import type { Canvas } from "../attachments/attachments";
import type { MaskSink } from "../files/masks";
import { createRng, type Rng } from "./rng";
import { boxes, cuboids, lines, points, polygons } from "./shapes";
import { segmentation } from "./segmentation";
import { audiotranscription, categorization, comparison, datacollection, transcription } from "./fields";

// The test-mode worker's answers: one generator per task type, valid for the type and for the
// task's params (proved by generate.property.test.ts against validate-response.ts).

export interface GenerateContext {
  canvas: Canvas;
  rng: Rng;
  masks: MaskSink;
}

export { createRng, type Rng };

export function generateResponse(type: TaskType, params: unknown, ctx: GenerateContext): Record<string, unknown> {
  const { canvas, rng } = ctx;
  switch (type) {
    case "annotation":
      return boxes(AnnotationParams.parse(params), canvas, rng);
    case "pointannotation":
      return points(PointannotationParams.parse(params), canvas, rng);
    case "lineannotation":
      return lines(LineannotationParams.parse(params), canvas, rng);
    case "polygonannotation":
      return polygons(PolygonannotationParams.parse(params), canvas, rng);
    case "cuboidannotation":
      return cuboids(CuboidannotationParams.parse(params), canvas, rng);
    case "segmentannotation":
      return segmentation(SegmentannotationParams.parse(params), canvas, rng, ctx.masks);
    case "categorization":
      return categorization(CategorizationParams.parse(params), rng);
    case "comparison":
      return comparison(ComparisonParams.parse(params), rng);
    case "transcription":
      return transcription(TranscriptionParams.parse(params), rng);
    case "audiotranscription":
      AudiotranscriptionParams.parse(params);
      return audiotranscription();
    case "datacollection":
      return datacollection(DatacollectionParams.parse(params));
  }
}
