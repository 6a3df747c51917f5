import { describeZodError, leafLabels, taskTypeRegistry, type LabelChoice } from "../../schema";
import type { EditableTaskType, EditLimits, EditorParams } from "./types";

/** Whatever a task type's params may carry that the editor reads, loosely typed for the union. */
interface LooseParams {
  objects_to_annotate?: LabelChoice[];
  labels?: string[];
  instance_labels?: string[];
  with_labels?: boolean;
  min_width?: number;
  min_height?: number;
  min_vertices?: number;
  max_vertices?: number | null;
  splines?: boolean;
  annotation_attributes?: EditorParams["attributes"];
  layers?: EditorParams["layers"];
}

/**
 * The task's params as the editor uses them, parsed by the task type's own schema (defaults
 * applied). Invalid params are refused with the schema's message, as the API would answer.
 */
export function editorParams(
  taskType: EditableTaskType,
  raw: unknown,
  image: { width: number; height: number } | null = null,
): { ok: true; params: EditorParams } | { ok: false; error: string } {
  const schema = taskTypeRegistry[taskType].params;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error, raw, ["params"]) };
  const p = parsed.data as LooseParams;
  const labelTree: LabelChoice[] = p.objects_to_annotate ?? [...(p.labels ?? []), ...(p.instance_labels ?? [])];
  const limits: EditLimits = {
    minWidth: p.min_width ?? 0,
    minHeight: p.min_height ?? 0,
    minVertices: p.min_vertices ?? 1,
    maxVertices: p.max_vertices ?? null,
  };
  return {
    ok: true,
    params: {
      taskType,
      raw: parsed.data as EditorParams["raw"],
      labelTree,
      leaves: leafLabels(labelTree),
      withLabels: p.with_labels ?? false,
      attributes: p.annotation_attributes,
      limits,
      splines: p.splines ?? false,
      layers: p.layers,
      image,
    },
  };
}
