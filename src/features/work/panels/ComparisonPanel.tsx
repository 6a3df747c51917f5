import { useRef } from "react";
import { AttachmentPreview, attachmentsOf } from "../../tasks";
import type { ComparisonResponse } from "../../../schema";
import { ChoiceList } from "./ChoiceList";
import { emptyResponse } from "./empty";
import { FieldsForm } from "./FieldsForm";
import { paramsOf } from "./params";
import type { WorkPanelProps } from "./types";
import { GeneralIssues, useFocusIssue } from "./ui";
import css from "./panels.module.css";

/** Comparison: the attachments side by side, then `choices` (keys 1–9) and/or `fields`. */
export function ComparisonPanel({ task, response, onChange, issues, focusIssue, readOnly }: WorkPanelProps) {
  const root = useRef<HTMLDivElement>(null);
  useFocusIssue(root, focusIssue);
  const params = paramsOf(task, "comparison");
  if (!params) return <p role="alert">This task's params can't be read as a comparison task.</p>;
  const current = (response ?? emptyResponse(task)) as ComparisonResponse;
  const choices = params.choices ?? [];
  return (
    <div ref={root} className={css.panel} data-testid="work-panel-comparison">
      {/* Side by side at full width (the detail page's previews, in columns that share the row). */}
      <div className={css.compareGrid}>
        {attachmentsOf(task).map((a, i) => (
          <figure key={`${i}-${a.value}`} className={css.compareItem}>
            <figcaption className={css.compareCaption}>
              <strong>Attachment {i + 1}</strong>
              {a.type !== "text" ? (
                <span className="mono faint" title={a.value}>
                  {a.value}
                </span>
              ) : null}
            </figcaption>
            <AttachmentPreview attachment={a} />
          </figure>
        ))}
      </div>
      <div className={css.form}>
        <GeneralIssues issues={issues} known={(i) => (i.path[0] === "choice" && choices.length > 0) || (i.path[0] === "fields" && i.path.length > 1)} />
        {choices.length > 0 ? (
          <ChoiceList
            path={["choice"]}
            legend="Choice"
            options={choices}
            chosen={current.choice === undefined ? [] : [current.choice]}
            multiple={false}
            onChange={(next) => onChange({ ...current, choice: next[0] })}
            issues={issues}
            readOnly={readOnly}
          />
        ) : null}
        <FieldsForm fields={params.fields ?? {}} values={current.fields} onChange={(fields) => onChange({ ...current, fields })} issues={issues} readOnly={readOnly} />
      </div>
    </div>
  );
}
