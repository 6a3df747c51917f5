import { useRef } from "react";
import { CanvasSlot } from "../../tasks";
import { pageCommandsOf } from "../liveCommands";
import type { CategorizationResponse } from "../../../schema";
import { ChoiceList } from "./ChoiceList";
import { emptyResponse } from "./empty";
import { paramsOf } from "./params";
import type { WorkPanelProps } from "./types";
import { GeneralIssues, useFocusIssue } from "./ui";
import css from "./panels.module.css";

const PATH = ["category"];

/**
 * Categorization: one category, or several with `allow_multiple`. With `category_ids` the
 * answer also carries the chosen categories' ids, in the same order (as the docs' response shows).
 */
export function CategorizationPanel({ task, response, onChange, issues, focusIssue, readOnly, onShortcutHelp }: WorkPanelProps) {
  const root = useRef<HTMLDivElement>(null);
  useFocusIssue(root, focusIssue);
  const params = paramsOf(task, "categorization");
  if (!params) return <p role="alert">This task's params can't be read as a categorization task.</p>;
  const current = (response ?? emptyResponse(task)) as Partial<CategorizationResponse>;
  const chosen = current.category === undefined ? [] : Array.isArray(current.category) ? current.category : [current.category];
  const idOf = new Map(Object.entries(params.category_ids ?? {}).map(([id, category]) => [category, id]));
  const choose = (next: string[]) => {
    const ids = next.map((c) => idOf.get(c)).filter((id): id is string => id !== undefined);
    const withIds = params.category_ids && ids.length === next.length;
    onChange(
      params.allow_multiple
        ? { category: next, ...(withIds ? { category_id: ids } : {}) }
        : { category: next[0], ...(withIds ? { category_id: ids[0] } : {}) },
    );
  };
  return (
    <div ref={root} className={`${css.panel} ${css.split}`} data-testid="work-panel-categorization">
      <CanvasSlot task={task} pageCommands={pageCommandsOf(task.type)} onShortcutHelp={onShortcutHelp} />
      <div className={css.form}>
        <GeneralIssues issues={issues} known={(i) => i.path[0] === "category" || i.path[0] === "category_id"} />
        <ChoiceList
          path={PATH}
          legend={params.allow_multiple ? "Categories" : "Category"}
          options={params.categories}
          chosen={chosen}
          multiple={params.allow_multiple}
          onChange={choose}
          issues={issues.map((i) => (i.path[0] === "category_id" ? { ...i, path: PATH } : i))}
          readOnly={readOnly}
        />
      </div>
    </div>
  );
}
