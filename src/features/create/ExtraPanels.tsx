// The code tabs and the batch panel under the form (built by the other issue-9 engineers): both
// take the form's current create body.
import type { TaskType } from "../../schema";
import { BatchPanel } from "./batch";
import type { Body } from "./form/body";
import css from "./create.module.css";

// TODO(createwidgets): CodeTabs (./code) mounts here once it is committed.
export function ExtraPanels({ type, body }: { type: TaskType; body: Body }) {
  return (
    <details className={css.section} data-section="batch">
      <summary className={css.sectionTitle}>Batch: many tasks from a CSV or JSONL file</summary>
      <div className={css.sectionBody}>
        <BatchPanel taskType={type} defaults={body} />
      </div>
    </details>
  );
}
