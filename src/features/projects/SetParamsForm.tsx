import { useId, useState, type FormEvent } from "react";
import { describeError, useSetProjectParams } from "../../client";
import { describeZodError, projectSetParamsSchema, type Project } from "../../schema";
import { ErrorNotice } from "../tasks";
import { InstructionField, isInstructionMessage } from "./InstructionField";
import { TemplateJsonField, parseTemplate, templateText } from "./TemplateJsonField";
import { templateOf } from "./TemplateParams";
import styles from "./projects.module.css";

/**
 * POST /v1/projects/:name/setParams; each save adds a version to the history. The request is
 * checked with the server's own schema first, so an empty or too long instruction is explained
 * under the box without a round trip; whatever the server still refuses is shown the same way.
 */
export function SetParamsForm({ project }: { project: Project }) {
  const setParams = useSetProjectParams();
  const latest = project.param_history.at(-1);
  const current = latest?.instruction ?? "";
  // The editor starts from the current template, so a save without patch keeps what it shows.
  const currentTemplate = templateText(Object.fromEntries(templateOf(latest)));
  const [instruction, setInstruction] = useState(current);
  const [template, setTemplate] = useState(currentTemplate);
  const [templateProblem, setTemplateProblem] = useState<string | null>(null);
  const [patch, setPatch] = useState(false);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const instructionId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!instruction.trim()) {
      // The server refuses it too (every save is a version); say it in the form's words.
      setLocalProblem("Write an instruction first: every save is a new version, and an empty one is refused.");
      return;
    }
    const parsed = parseTemplate(template);
    if (!parsed.ok) {
      setTemplateProblem(parsed.problem);
      return;
    }
    const body = { ...parsed.params, instruction, patch };
    const checked = projectSetParamsSchema(project.type).safeParse(body);
    if (!checked.success) {
      const message = describeZodError(checked.error, body);
      if (isInstructionMessage(message)) setLocalProblem(message);
      else setTemplateProblem(message);
      return;
    }
    setParams.mutate({ name: project.name, instruction, patch, params: parsed.params });
  }

  const serverMessage = setParams.isError ? describeError(setParams.error) : null;
  const fieldProblem = localProblem ?? (serverMessage && isInstructionMessage(serverMessage) ? serverMessage : null);
  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label="Set params" noValidate>
      <InstructionField
        id={instructionId}
        label="Instruction (markdown)"
        rows={6}
        value={instruction}
        problem={fieldProblem}
        onChange={(value) => {
          setInstruction(value);
          setLocalProblem(null);
          setParams.reset();
        }}
      />
      <TemplateJsonField
        value={template}
        problem={templateProblem}
        onChange={(text) => {
          setTemplate(text);
          setTemplateProblem(null);
          setParams.reset();
        }}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" checked={patch} onChange={(e) => setPatch(e.target.checked)} />
        Merge into the current params (patch) instead of replacing them
      </label>
      {setParams.isError && !fieldProblem ? <ErrorNotice error={setParams.error} title="Params not saved" /> : null}
      <div className={styles.formActions}>
        <button type="submit" className="btn btn-primary" disabled={setParams.isPending || (instruction === current && template === currentTemplate)}>
          {setParams.isPending ? "Saving…" : "Save as new version"}
        </button>
        {setParams.isSuccess ? (
          <span className={styles.saved} role="status">
            Saved as v{setParams.data.param_history.at(-1)?.version}.
          </span>
        ) : null}
      </div>
    </form>
  );
}
