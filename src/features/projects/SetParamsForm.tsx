import { useId, useState, type FormEvent } from "react";
import { useSetProjectParams } from "../../client";
import type { Project } from "../../schema";
import { ErrorNotice } from "../tasks";
import styles from "./projects.module.css";

/** POST /v1/projects/:name/setParams; each save adds a version to the history. */
export function SetParamsForm({ project }: { project: Project }) {
  const setParams = useSetProjectParams();
  const current = project.param_history.at(-1)?.instruction ?? "";
  const [instruction, setInstruction] = useState(current);
  const [patch, setPatch] = useState(false);
  const instructionId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setParams.mutate({ name: project.name, instruction, patch });
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label="Set params">
      <label className="field" htmlFor={instructionId}>
        <span>Instruction (markdown)</span>
        <textarea
          id={instructionId}
          className="textarea"
          rows={6}
          value={instruction}
          onChange={(e) => {
            setInstruction(e.target.value);
            setParams.reset();
          }}
        />
      </label>
      <label className={styles.checkbox}>
        <input type="checkbox" checked={patch} onChange={(e) => setPatch(e.target.checked)} />
        Merge into the current params (patch) instead of replacing them
      </label>
      {setParams.isError ? <ErrorNotice error={setParams.error} title="Params not saved" /> : null}
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
