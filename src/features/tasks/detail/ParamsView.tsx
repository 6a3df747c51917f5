// Task params, readable per type: the attachment is previewed elsewhere, so here come the
// fields that shape the work (labels, categories, fields...) in the order the docs list them.
import { useState } from "react";
import type { Task, TaskType } from "../../../schema";
import { FieldList } from "./ValueView";
import { Section } from "./Section";

const ORDER: Record<TaskType, readonly string[]> = {
  annotation: ["objects_to_annotate", "with_labels", "min_width", "min_height", "annotation_attributes", "layers"],
  pointannotation: ["objects_to_annotate", "with_labels", "annotation_attributes", "layers"],
  lineannotation: ["objects_to_annotate", "with_labels", "splines", "min_vertices", "max_vertices", "annotation_attributes", "layers"],
  cuboidannotation: ["objects_to_annotate", "with_labels", "min_width", "min_height", "camera_intrinsics", "camera_rotation_quaternion", "camera_height", "annotation_attributes", "layers"],
  polygonannotation: ["objects_to_annotate", "with_labels", "min_vertices", "max_vertices", "annotation_attributes", "layers"],
  segmentannotation: ["labels", "instance_labels", "allow_unlabeled"],
  categorization: ["categories", "category_ids", "allow_multiple", "layers"],
  comparison: ["choices", "fields"],
  transcription: ["fields", "repeatable_fields"],
  audiotranscription: ["verbatim", "phrases"],
  datacollection: ["fields"],
};

/** Shown with the attachment preview, not repeated here. */
const SHOWN_ELSEWHERE = ["attachment", "attachments", "attachment_type"];

export function ParamsView({ task }: { task: Task }) {
  const [raw, setRaw] = useState(false);
  return (
    <Section
      title="Params"
      actions={
        <button type="button" className="btn btn-sm btn-ghost" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
          {raw ? "Readable" : "Raw JSON"}
        </button>
      }
    >
      {raw ? (
        <pre aria-label="Params as JSON" tabIndex={0}>{JSON.stringify(task.params, null, 2)}</pre>
      ) : (
        <FieldList data={task.params} order={ORDER[task.type] ?? []} skip={SHOWN_ELSEWHERE} />
      )}
    </Section>
  );
}
