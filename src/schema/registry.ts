import { z } from "zod";
import { AnnotationParams, AnnotationResponse } from "./annotation";
import { PointannotationParams, PointannotationResponse } from "./pointannotation";
import { LineannotationParams, LineannotationResponse } from "./lineannotation";
import { CuboidannotationParams, CuboidannotationResponse } from "./cuboidannotation";
import { PolygonannotationParams, PolygonannotationResponse } from "./polygonannotation";
import { SegmentannotationParams, SegmentannotationResponse } from "./segmentannotation";
import { CategorizationParams, CategorizationResponse } from "./categorization";
import { ComparisonParams, ComparisonResponse } from "./comparison";
import { TranscriptionParams, TranscriptionResponse } from "./transcription";
import { AudiotranscriptionParams, AudiotranscriptionResponse } from "./audiotranscription";
import { DatacollectionParams, DatacollectionResponse } from "./datacollection";

export const TASK_TYPES = [
  "annotation",
  "pointannotation",
  "lineannotation",
  "cuboidannotation",
  "polygonannotation",
  "segmentannotation",
  "categorization",
  "comparison",
  "transcription",
  "audiotranscription",
  "datacollection",
] as const;
export const TaskType = z.enum(TASK_TYPES, { error: `must be one of ${TASK_TYPES.join(", ")}` });
export type TaskType = z.infer<typeof TaskType>;

/** Which drawable geometry a type's response holds, for the canvas and the exporters. */
export type GeometryKind = "box" | "point" | "line" | "polygon" | "cuboid" | "mask";

export interface TaskTypeDefinition {
  title: string;
  params: z.ZodType;
  response: z.ZodType;
  /** The docs list `instruction` without "(optional)" for these types. */
  instructionRequired: boolean;
  geometry: GeometryKind | null;
}

/** Every task type the API knows, with its params and response schemas: the one list to read. */
export const taskTypeRegistry = {
  annotation: { title: "2D box annotation", params: AnnotationParams, response: AnnotationResponse, instructionRequired: false, geometry: "box" },
  pointannotation: { title: "Point annotation", params: PointannotationParams, response: PointannotationResponse, instructionRequired: false, geometry: "point" },
  lineannotation: { title: "Line annotation", params: LineannotationParams, response: LineannotationResponse, instructionRequired: false, geometry: "line" },
  cuboidannotation: { title: "Cuboid annotation", params: CuboidannotationParams, response: CuboidannotationResponse, instructionRequired: false, geometry: "cuboid" },
  polygonannotation: { title: "Polygon annotation", params: PolygonannotationParams, response: PolygonannotationResponse, instructionRequired: false, geometry: "polygon" },
  segmentannotation: { title: "Semantic segmentation", params: SegmentannotationParams, response: SegmentannotationResponse, instructionRequired: false, geometry: "mask" },
  categorization: { title: "Categorization", params: CategorizationParams, response: CategorizationResponse, instructionRequired: true, geometry: null },
  comparison: { title: "Comparison", params: ComparisonParams, response: ComparisonResponse, instructionRequired: true, geometry: null },
  transcription: { title: "OCR transcription", params: TranscriptionParams, response: TranscriptionResponse, instructionRequired: true, geometry: null },
  audiotranscription: { title: "Audio transcription", params: AudiotranscriptionParams, response: AudiotranscriptionResponse, instructionRequired: false, geometry: null },
  datacollection: { title: "Data collection", params: DatacollectionParams, response: DatacollectionResponse, instructionRequired: false, geometry: null },
} as const satisfies Record<TaskType, TaskTypeDefinition>;

export type TaskParamsOf<T extends TaskType> = z.infer<(typeof taskTypeRegistry)[T]["params"]>;
export type TaskResponseOf<T extends TaskType> = z.infer<(typeof taskTypeRegistry)[T]["response"]>;

export function isTaskType(value: string): value is TaskType {
  return (TASK_TYPES as readonly string[]).includes(value);
}
