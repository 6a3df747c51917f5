import { useNavigate } from "@tanstack/react-router";
import { useId, useState, type FormEvent } from "react";
import { useCreateProject } from "../../client";
import { TASK_TYPES, taskTypeRegistry, type TaskType } from "../../schema";
import { ErrorNotice, Section } from "../tasks";
import styles from "./projects.module.css";

/** POST /v1/projects {type, name, params: {instruction}}; opens the new project on success. */
export function CreateProjectForm() {
  const create = useCreateProject();
  const navigate = useNavigate();
  const [type, setType] = useState<TaskType>("annotation");
  const [name, setName] = useState("");
  const [instruction, setInstruction] = useState("");
  const ids = { type: useId(), name: useId(), instruction: useId() };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { type, name: name.trim(), instruction },
      { onSuccess: (project) => void navigate({ to: "/projects/$name", params: { name: project.name } }) },
    );
  }

  return (
    <Section title="New project">
      <form className={styles.form} onSubmit={onSubmit}>
        <label className="field" htmlFor={ids.name}>
          <span>Name</span>
          <input
            id={ids.name}
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="kitten_labeling"
            required
            spellCheck={false}
          />
        </label>
        <label className="field" htmlFor={ids.type}>
          <span>Task type</span>
          <select id={ids.type} className="select" value={type} onChange={(e) => setType(e.target.value as TaskType)}>
            {TASK_TYPES.map((t) => (
              <option key={t} value={t}>
                {taskTypeRegistry[t].title}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={ids.instruction}>
          <span>Instruction (markdown, appended to every task's instruction)</span>
          <textarea
            id={ids.instruction}
            className="textarea"
            rows={5}
            value={instruction}
            onChange={(e) => setInstruction(e.target.value)}
          />
        </label>
        {create.isError ? <ErrorNotice error={create.error} title="Project not created" /> : null}
        <div>
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.isPending}>
            {create.isPending ? "Creating…" : "Create project"}
          </button>
        </div>
      </form>
    </Section>
  );
}
