import { useRef } from "react";
import { CanvasSlot } from "../../tasks";
import { pageCommandsOf } from "../liveCommands";
import { leafLabels, type TranscriptionResponse } from "../../../schema";
import { emptyResponse } from "./empty";
import { FieldsForm } from "./FieldsForm";
import { paramsOf } from "./params";
import type { WorkPanelProps } from "./types";
import { FieldIssues, fieldId, GeneralIssues, TextField, useFocusIssue } from "./ui";
import css from "./panels.module.css";

/**
 * OCR transcription: the document beside its `fields`, and `repeatable_fields` as rows (one per
 * repeated item, e.g. a line of an invoice) to add and remove; a field with choices is a select.
 */
export function TranscriptionPanel({ task, response, onChange, issues, focusIssue, readOnly, onShortcutHelp }: WorkPanelProps) {
  const root = useRef<HTMLDivElement>(null);
  useFocusIssue(root, focusIssue);
  const params = paramsOf(task, "transcription");
  if (!params) return <p role="alert">This task's params can't be read as a transcription task.</p>;
  const current = (response ?? emptyResponse(task)) as TranscriptionResponse;
  const repeatable = params.repeatable_fields ?? {};
  const keys = Object.keys(repeatable);
  const rows = current.repeatable_fields ?? [];
  const setRows = (next: Record<string, string>[]) => onChange({ ...current, repeatable_fields: next });
  const focusRow = (r: number) => requestAnimationFrame(() => document.getElementById(fieldId(["repeatable_fields", r, keys[0]]))?.focus());
  const addRow = () => {
    setRows([...rows, Object.fromEntries(keys.map((k) => [k, ""]))]);
    // The new row's first control takes the focus, so a row is typed without the mouse.
    focusRow(rows.length);
  };
  // Enter in a row's text field moves to the next row, starting one after the last.
  const nextRow = (r: number) => (r === rows.length - 1 ? addRow() : focusRow(r + 1));
  return (
    <div ref={root} className={`${css.panel} ${css.split}`} data-testid="work-panel-transcription">
      <CanvasSlot task={task} pageCommands={pageCommandsOf(task.type)} onShortcutHelp={onShortcutHelp} />
      <div className={css.form}>
        <GeneralIssues
          issues={issues}
          known={(i) => (i.path[0] === "fields" && i.path.length > 1) || (i.path[0] === "repeatable_fields" && (i.path.length > 2 || keys.length > 0))}
        />
        <FieldsForm fields={params.fields ?? {}} values={current.fields} onChange={(fields) => onChange({ ...current, fields })} issues={issues} readOnly={readOnly} />
        {keys.length > 0 ? (
          <section className={css.form} aria-label="Repeated items">
            <h3 className={css.sectionTitle}>
              Repeated items <span className={css.hint}>({rows.length}; Enter in an item's text field starts the next)</span>
            </h3>
            <div className={css.rows} id={fieldId(["repeatable_fields"])} tabIndex={-1}>
              {rows.map((row, r) => (
                <div key={r} className={css.row} role="group" aria-label={`Item ${r + 1}`} data-testid="repeatable-row">
                  <span className={css.rowNumber}>{r + 1}</span>
                  <div className={css.rowFields}>
                    {keys.map((k) => {
                      const def = repeatable[k];
                      return (
                        <TextField
                          key={k}
                          path={["repeatable_fields", r, k]}
                          label={def.description}
                          value={row[k] ?? ""}
                          choices={"choices" in def && def.choices ? leafLabels(def.choices) : undefined}
                          onChange={(v) => setRows(rows.map((x, i) => (i === r ? { ...x, [k]: v } : x)))}
                          onEnter={() => nextRow(r)}
                          issues={issues}
                          readOnly={readOnly}
                        />
                      );
                    })}
                    <FieldIssues issues={issues.filter((i) => i.path.length === 2)} path={["repeatable_fields", r]} />
                  </div>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => setRows(rows.filter((_, i) => i !== r))}
                    disabled={readOnly}
                    aria-label={`Remove item ${r + 1}`}
                  >
                    Remove
                  </button>
                </div>
              ))}
              {rows.length === 0 ? <p className={css.hint}>No items yet. Add one per repeated item in the document.</p> : null}
            </div>
            <div>
              <button type="button" className="btn btn-sm" onClick={addRow} disabled={readOnly}>
                + Add item
              </button>
            </div>
          </section>
        ) : null}
      </div>
    </div>
  );
}
