import { useRef } from "react";
import { CanvasSlot } from "../../tasks";
import { pageCommandsOf } from "../liveCommands";
import type { DatacollectionResponse } from "../../../schema";
import { emptyResponse } from "./empty";
import { FieldsForm } from "./FieldsForm";
import { paramsOf } from "./params";
import type { WorkPanelProps } from "./types";
import { GeneralIssues, useFocusIssue } from "./ui";
import css from "./panels.module.css";

/** Data collection: the website (as the detail page previews it) beside the requested fields. */
export function DatacollectionPanel({ task, response, onChange, issues, focusIssue, readOnly, onShortcutHelp }: WorkPanelProps) {
  const root = useRef<HTMLDivElement>(null);
  useFocusIssue(root, focusIssue);
  const params = paramsOf(task, "datacollection");
  if (!params) return <p role="alert">This task's params can't be read as a data collection task.</p>;
  const current = (response ?? emptyResponse(task)) as DatacollectionResponse;
  return (
    <div ref={root} className={`${css.panel} ${css.split}`} data-testid="work-panel-datacollection">
      <CanvasSlot task={task} pageCommands={pageCommandsOf(task.type)} onShortcutHelp={onShortcutHelp} />
      <div className={css.form}>
        <GeneralIssues issues={issues} known={(i) => i.path[0] === "fields" && i.path.length > 1} />
        <FieldsForm fields={params.fields} values={current.fields} onChange={(fields) => onChange({ fields })} issues={issues} readOnly={readOnly} title="Collect from the website" />
      </div>
    </div>
  );
}
