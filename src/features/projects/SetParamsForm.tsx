import { useId, useState, type FormEvent } from "react";
import { describeError, useSetProjectParams } from "../../client";
import { describeZodError, projectSetParamsSchema, type Project } from "../../schema";
import { ErrorNotice } from "../tasks";
import { InstructionField, isInstructionMessage } from "./InstructionField";
import styles from "./projects.module.css";

/**
 * POST /v1/projects/:name/setParams; each save adds a version to the history. The request is
 * checked with the server's own schema first, so an empty or too long instruction is explained
 * under the box without a round trip; whatever the server still refuses is shown the same way.
 */
export function SetParamsForm({ project }: { project: Project }) {
  const setParams = useSetProjectParams();
  const current = project.param_history.at(-1)?.instruction ?? "";
  const [instruction, setInstruction] = useState(current);
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
    const body = { instruction, patch };
    const checked = projectSetParamsSchema(project.type).safeParse(body);
    if (!checked.success) {
      setLocalProblem(describeZodError(checked.error, body));
      return;
    }
    setParams.mutate({ name: project.name, instruction, patch });
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
      <label className={styles.checkbox}>
        <input type="checkbox" checked={patch} onChange={(e) => setPatch(e.target.checked)} />
        Merge into the current params (patch) instead of replacing them
      </label>
      {setParams.isError && !fieldProblem ? <ErrorNotice error={setParams.error} title="Params not saved" /> : null}
      <div className={styles.formActions}>
        <button type="submit" className="btn btn-primary" disabled={setParams.isPending || instruction === current}>
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
