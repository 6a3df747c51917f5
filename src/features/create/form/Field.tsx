// The frame every top-level field gets: human title with the wire name beside it, required or
// default, the docs' help text, the control (a named widget or the generic one for its kind), and
// the server's messages for it.
import { useId, useState, type ReactNode } from "react";
import { defaultText, GenericControl } from "./FieldControl";
import type { FieldSpec } from "./walk";
import css from "../create.module.css";

export interface WidgetProps {
  spec: FieldSpec;
  value: unknown;
  onChange(value: unknown): void;
  id: string;
  describedBy: string;
  label: string;
  /** The server's messages for this field, joined (for widgets that show errors themselves). */
  error?: string;
}

export type Widget = ((props: WidgetProps) => ReactNode) & {
  /** The widget shows the `error` it is given itself; the frame doesn't repeat it. */
  ownErrors?: boolean;
};

export function Field({
  spec,
  value,
  onChange,
  errors,
  showErrors,
  widget: W,
  inherited,
}: {
  spec: FieldSpec;
  value: unknown;
  onChange(value: unknown): void;
  errors: readonly string[];
  showErrors: boolean;
  widget?: Widget;
  /** The value the chosen project passes on for this field, when the body doesn't set one. */
  inherited?: { value: unknown; source: string };
}) {
  const id = useId();
  const [overriding, setOverriding] = useState(false);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const shown = showErrors ? errors : [];
  const label = `${spec.title} ${spec.name}`;
  const fallback = defaultText(spec);
  // Composite widgets name their own controls; a fieldset's legend still carries the wire name.
  const composite = W !== undefined || ["object", "record", "objectArray", "labelTree"].includes(spec.kind);
  const Header = composite ? "legend" : "label";
  const body = (
    <>
      <Header className={css.fieldLabel} {...(composite ? {} : { htmlFor: id })}>
        <span className={css.fieldTitle}>{spec.title}</span> <code className={css.wire}>{spec.name}</code>
        {spec.required ? (
          <span className={css.req} title="required">
            {" "}
            required
          </span>
        ) : (
          <span className="faint"> optional{fallback !== null ? ` · default ${fallback}` : ""}</span>
        )}
        {spec.min !== undefined || spec.max !== undefined ? <span className="faint"> · {limitText(spec)}</span> : null}
      </Header>
      {spec.help && (
        <p id={helpId} className={css.help}>
          {spec.help}
        </p>
      )}
      {inherited && !overriding ? (
        <div className={css.inheritedValue} data-testid={`inherited-${spec.name}`}>
          <span>
            From {inherited.source}: <code className={css.inheritedCode}>{JSON.stringify(inherited.value)}</code>
          </span>
          <button type="button" className="btn btn-sm" onClick={() => setOverriding(true)}>
            Set {spec.name} for this task
          </button>
        </div>
      ) : W ? (
        <W spec={spec} value={value} onChange={onChange} id={id} describedBy={`${helpId} ${errorId}`} label={label} error={shown.length ? shown.join("; ") : undefined} />
      ) : (
        <GenericControl spec={spec} value={value} onChange={onChange} id={id} describedBy={`${helpId} ${errorId}`} label={label} />
      )}
      <div id={errorId} className={css.errors} aria-live="polite">
        {(W?.ownErrors ? [] : shown).map((m, i) => (
          <p key={i} className={css.error} data-testid={`error-${spec.name}`}>
            {m}
          </p>
        ))}
      </div>
    </>
  );
  const className = `${css.field} ${shown.length ? css.fieldInvalid : ""}`;
  return composite ? (
    <fieldset className={className} data-field={spec.name} aria-describedby={`${helpId} ${errorId}`}>
      {body}
    </fieldset>
  ) : (
    <div className={className} data-field={spec.name}>
      {body}
    </div>
  );
}

function limitText(spec: FieldSpec): string {
  const lengthy = spec.kind === "string" || spec.kind === "stringArray" || spec.kind === "labelTree" || spec.kind === "objectArray";
  const unit = spec.kind === "string" ? " characters" : lengthy ? " entries" : "";
  if (spec.min !== undefined && spec.max !== undefined) return spec.min === spec.max ? `exactly ${spec.min}${unit}` : `${spec.min}–${spec.max}${unit}`;
  if (spec.min === 1 && lengthy) return "not empty";
  if (spec.min !== undefined) return `at least ${spec.min}${unit}`;
  return `at most ${spec.max}${unit}`;
}
