// The `fields` of comparison, transcription and datacollection: one labelled text box per
// requested key (the params give key → description), written to `response.fields`.
import type { WorkIssue } from "./types";
import { TextField } from "./ui";
import css from "./panels.module.css";

interface FieldsFormProps {
  fields: Record<string, string>;
  values: Record<string, string> | undefined;
  onChange(values: Record<string, string>): void;
  issues: readonly WorkIssue[];
  readOnly?: boolean;
  title?: string;
}

export function FieldsForm({ fields, values, onChange, issues, readOnly, title = "Fields" }: FieldsFormProps) {
  const keys = Object.keys(fields);
  if (keys.length === 0) return null;
  const current = values ?? {};
  return (
    <section className={css.form} aria-label={title}>
      <h3 className={css.sectionTitle}>{title}</h3>
      {keys.map((key) => (
        <TextField
          key={key}
          path={["fields", key]}
          label={
            <>
              {fields[key]} <span className="mono faint">{key}</span>
            </>
          }
          value={current[key] ?? ""}
          onChange={(v) => onChange({ ...blank(keys), ...current, [key]: v })}
          issues={issues}
          readOnly={readOnly}
        />
      ))}
    </section>
  );
}

function blank(keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, ""]));
}
