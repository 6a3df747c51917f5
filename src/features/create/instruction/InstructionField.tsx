// The instruction: markdown with a live preview through the detail page's own sanitized renderer,
// and beneath it the project's instruction that the server will append, with its version.
import { useState } from "react";
import { Instruction } from "../../tasks";
import type { WidgetProps } from "../form/Field";
import { useCreateForm } from "../form/context";
import css from "../create.module.css";

export function InstructionField({ value, onChange, id, describedBy, label }: WidgetProps) {
  const { inherited } = useCreateForm();
  const text = typeof value === "string" ? value : "";
  const [tab, setTab] = useState<"write" | "preview">("write");
  return (
    <div className={css.instruction}>
      <div className={css.tabs} role="tablist" aria-label="Instruction editor">
        <button type="button" role="tab" aria-selected={tab === "write"} className={`btn btn-sm ${tab === "write" ? css.tabOn : "btn-ghost"}`} onClick={() => setTab("write")}>
          Write
        </button>
        <button type="button" role="tab" aria-selected={tab === "preview"} className={`btn btn-sm ${tab === "preview" ? css.tabOn : "btn-ghost"}`} onClick={() => setTab("preview")}>
          Preview
        </button>
        <span className="faint">{text.length.toLocaleString()} characters · markdown</span>
      </div>
      <div className={css.instructionPanes} data-tab={tab}>
        <textarea
          id={id}
          aria-label={label}
          aria-describedby={describedBy}
          className={`textarea ${css.instructionText}`}
          rows={8}
          value={text}
          placeholder="Draw a box around each **car** …"
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        />
        <div className={css.instructionPreview} aria-label="Instruction preview" role="region" data-testid="instruction-preview">
          <Instruction markdown={text} />
        </div>
      </div>
      {inherited?.instruction ? (
        <div className={css.inherited} data-testid="inherited-instruction">
          <p className={css.inheritedTitle}>
            Appended from project <strong>{inherited.project}</strong>, param version {inherited.version}:
          </p>
          <Instruction markdown={inherited.instruction} />
        </div>
      ) : inherited ? (
        <p className="faint">
          Project {inherited.project} version {inherited.version} has no instruction to append.
        </p>
      ) : null}
    </div>
  );
}
