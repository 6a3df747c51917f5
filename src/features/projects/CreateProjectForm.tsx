import { useNavigate } from "@tanstack/react-router";
import { useId, useState, type FormEvent } from "react";
import { describeError, useCreateProject } from "../../client";
import { describeZodError, ProjectCreate, TASK_TYPES, taskTypeRegistry, type TaskType } from "../../schema";
import { ErrorNotice, Section } from "../tasks";
import { InstructionField, isInstructionMessage } from "./InstructionField";
import { TemplateJsonField, parseTemplate } from "./TemplateJsonField";
import styles from "./projects.module.css";

/**
 * POST /v1/projects {type, name, params: {instruction}}; opens the new project on success.
 * Checked with the server's schema before sending; a project without an instruction is allowed,
 * but asked about first, since every task of the project would then get none from it.
 */
export function CreateProjectForm() {
  const create = useCreateProject();
  const navigate = useNavigate();
  const [type, setType] = useState<TaskType>("annotation");
  const [name, setName] = useState("");
  const [instruction, setInstruction] = useState("");
  const [template, setTemplate] = useState("");
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const ids = { type: useId(), name: useId(), instruction: useId() };

  function send() {
    setConfirmEmpty(false);
    const parsed = parseTemplate(template);
    if (!parsed.ok) {
      setLocalProblem(parsed.problem);
      return;
    }
    // The template is checked by the type's schema, as the server checks it.
    const body = { type, name: name.trim(), params: { ...parsed.params, instruction } };
    const checked = ProjectCreate.safeParse(body);
    if (!checked.success) {
      setLocalProblem(describeZodError(checked.error, body));
      return;
    }
    create.mutate(
      { type, name: name.trim(), instruction, params: parsed.params },
      { onSuccess: (project) => void navigate({ to: "/projects/$name", params: { name: project.name } }) },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!instruction.trim() && !confirmEmpty) {
      setConfirmEmpty(true);
      return;
    }
    send();
  }

  const problem = localProblem ?? (create.isError ? describeError(create.error) : null);
  const instructionProblem = problem && isInstructionMessage(problem) ? problem : null;
  const otherProblem = problem && !instructionProblem ? problem : null;
  const edited = () => {
    setLocalProblem(null);
    setConfirmEmpty(false);
    create.reset();
  };

  return (
    <Section title="New project">
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <label className="field" htmlFor={ids.name}>
          <span>Name</span>
          <input
            id={ids.name}
            className="input"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              edited();
            }}
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
        <InstructionField
          id={ids.instruction}
          label="Instruction (markdown, appended to every task's instruction)"
          rows={5}
          value={instruction}
          problem={instructionProblem}
          onChange={(value) => {
            setInstruction(value);
            edited();
          }}
        />
        <TemplateJsonField
          value={template}
          problem={otherProblem && (otherProblem.startsWith("template params") || otherProblem.startsWith("params.")) ? otherProblem : null}
          onChange={(text) => {
            setTemplate(text);
            edited();
          }}
        />
        {otherProblem && !otherProblem.startsWith("template params") && !otherProblem.startsWith("params.") ? (
          localProblem ? (
            <p className={styles.fieldError} role="alert">
              {otherProblem}
            </p>
          ) : (
            <ErrorNotice error={create.error} title="Project not created" />
          )
        ) : null}
        {confirmEmpty ? (
          <div className={styles.confirm} role="alertdialog" aria-label="Create without an instruction?">
            <p>
              <strong>Create the project without an instruction?</strong> Its tasks then carry only their own instruction.
            </p>
            <div className={styles.confirmActions}>
              <button type="button" className="btn btn-primary" onClick={send} autoFocus>
                Create without instruction
              </button>
              <button type="button" className="btn" onClick={() => setConfirmEmpty(false)}>
                Write one first
              </button>
            </div>
          </div>
        ) : (
          <div>
            <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.isPending}>
              {create.isPending ? "Creating…" : "Create project"}
            </button>
          </div>
        )}
      </form>
    </Section>
  );
}
