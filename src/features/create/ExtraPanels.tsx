// The code tabs and the batch panel under the form (built by the other issue-9 engineers): both
// take the form's current create body.
import type { TaskType } from "../../schema";
import { BatchPanel } from "./batch";
import { CodeTabs } from "./code";
import type { Body } from "./form/body";
import css from "./create.module.css";

export function ExtraPanels({ type, body }: { type: TaskType; body: Body }) {
  return (
    <>
      <details className={css.section} data-section="code">
        <summary className={css.sectionTitle}>Code: this request as cURL, Python, JavaScript, Ruby</summary>
        <div className={css.sectionBody}>
          <CodeTabs taskType={type} body={body} baseUrl={`${window.location.origin}/v1`} />
        </div>
      </details>
      <details className={css.section} data-section="batch">
        <summary className={css.sectionTitle}>Batch: many tasks from a CSV or JSONL file</summary>
        <div className={css.sectionBody}>
          <BatchPanel taskType={type} defaults={body} />
        </div>
      </details>
    </>
  );
}
