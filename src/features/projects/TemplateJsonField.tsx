// The template params (everything but the instruction) as one JSON object, for the project forms.
// The text is parsed here; the values are checked by the caller with the server's schema.
import { useId } from "react";
import styles from "./projects.module.css";

export type ParsedTemplate = { ok: true; params: Record<string, unknown> } | { ok: false; problem: string };

/** The editor's text as params: empty means none; anything but a JSON object is refused. */
export function parseTemplate(text: string): ParsedTemplate {
  if (!text.trim()) return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `template params: not valid JSON (${(e as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'template params: must be a JSON object such as {"objects_to_annotate": ["car"]}' };
  }
  if ("instruction" in value) return { ok: false, problem: "template params: the instruction has its own box above" };
  return { ok: true, params: value as Record<string, unknown> };
}

export function templateText(params: Record<string, unknown>): string {
  return Object.keys(params).length ? JSON.stringify(params, null, 2) : "";
}

interface Props {
  value: string;
  problem: string | null;
  onChange(text: string): void;
}

export function TemplateJsonField({ value, problem, onChange }: Props) {
  const id = useId();
  const helpId = useId();
  const problemId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Template params (JSON)</label>
      <span id={helpId} className="muted">
        Any params of the project's task type (objects_to_annotate, with_labels, urgency, callback_url, …): every task created under the project
        takes them unless it sets them itself.
      </span>
      <textarea
        id={id}
        className={`textarea ${styles.templateEditor}`}
        rows={6}
        spellCheck={false}
        value={value}
        placeholder='{"objects_to_annotate": ["car", "pedestrian"], "with_labels": true}'
        aria-describedby={problem ? `${helpId} ${problemId}` : helpId}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem ? (
        <span id={problemId} role="alert" className={styles.templateProblem}>
          {problem}
        </span>
      ) : null}
    </div>
  );
}
