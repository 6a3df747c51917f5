import type { EditableTaskType } from "../../canvas";

/** The sample image the try page edits on (served from public/, 1000×872). */
export const SAMPLE_IMAGE_PATH = "/sample-images/hubble_deep_field.jpg";

export const TRY_TYPES: readonly EditableTaskType[] = ["annotation", "pointannotation", "lineannotation", "polygonannotation", "cuboidannotation", "segmentannotation"];

const vehicle = { choice: "Vehicle", subchoices: ["car", "truck", { choice: "Two-wheeler", subchoices: ["bicycle", "motorbike"] }] };

/** Params to start from for each type: labels, limits, an attribute with a condition, a read-only layer. */
export function sampleParams(type: EditableTaskType, origin: string): Record<string, unknown> {
  const attachment = `${origin}${SAMPLE_IMAGE_PATH}`;
  const layers = { boxes: [{ left: 40, top: 40, width: 160, height: 110, label: "region" }] };
  const attributes = {
    occluded: { type: "category", description: "Is it occluded?", choices: ["no", "partly", "mostly"] },
    parked: { type: "category", description: "Is the car parked?", choices: ["yes", "no"], conditions: { label_condition: { label: "car" } } },
  };
  switch (type) {
    case "annotation":
      return { attachment, objects_to_annotate: [vehicle, "person"], with_labels: true, min_width: 20, min_height: 20, annotation_attributes: attributes, layers };
    case "pointannotation":
      return { attachment, objects_to_annotate: ["star", "galaxy"], with_labels: true, layers };
    case "lineannotation":
      return { attachment, objects_to_annotate: ["lane", "edge"], with_labels: true, splines: false, min_vertices: 2, max_vertices: 8, layers };
    case "polygonannotation":
      return { attachment, objects_to_annotate: [vehicle, "person"], with_labels: true, min_vertices: 3, max_vertices: 12, annotation_attributes: attributes, layers };
    case "cuboidannotation":
      return { attachment, objects_to_annotate: ["car", "truck"], with_labels: true, min_width: 10, min_height: 10, layers };
    case "segmentannotation":
      return { attachment, labels: ["sky", "star"], instance_labels: ["galaxy"], allow_unlabeled: false };
  }
}
