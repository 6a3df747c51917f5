import { useEffect, useId, useState, type ReactNode } from "react";
import type { AnnotationAttribute } from "../../../schema";
import type { AttributesPanelProps } from "../types";
import { labelRows, leafRows } from "./labelTree";
import {
  applyAttributePatch,
  attributeErrors,
  missingAttributes,
  normalizeAngle,
  parseNumberInput,
  sharedApplicableAttributes,
  sharedValue,
  type AttributedObject,
  type AttributeValue,
  type SharedValue,
} from "./attributes";
import { AngleDial } from "./AngleDial";
import css from "./editPanels.module.css";

type CategoryAttribute = Extract<AnnotationAttribute, { type: "category" }>;
type NumberAttribute = Extract<AnnotationAttribute, { type: "number" }>;

/**
 * The annotation_attributes of the selected object(s). Fields appear and disappear as the label
 * or another attribute changes (conditions evaluated on every render); every applicable field
 * is required and is marked while unanswered. With several objects selected, the fields that
 * apply to all of them are shown, with their common value or "mixed"; a change applies to all.
 * `onChange` receives only the changed attribute; the editor's setAttributes command merges it
 * and drops values whose conditions stop holding (`applyAttributePatch`).
 */
export function AttributesPanel({ attributes, objects, onChange }: AttributesPanelProps) {
  const annotated: AttributedObject[] = objects.map((o) => o.annotation);
  const fields = sharedApplicableAttributes(attributes, annotated);
  const missing = new Set(annotated.flatMap((a) => missingAttributes(attributes, a)));
  const errors = annotated.length === 1 ? attributeErrors(attributes, annotated[0]) : {};

  if (objects.length === 0) return null;
  return (
    <section className={css.attributes} aria-label="Attributes">
      <div className={css.attrHead}>
        <span>Attributes{objects.length > 1 ? ` · ${objects.length} objects` : ""}</span>
        {missing.size > 0 && <span className={css.required}>{missing.size} missing</span>}
      </div>
      {fields.length === 0 && <div className={css.muted}>No attributes apply to this {objects.length > 1 ? "selection" : "label"}.</div>}
      {fields.map(([name, attr]) => (
        <AttributeField
          key={name}
          name={name}
          attr={attr}
          value={sharedValue(annotated, name)}
          missing={missing.has(name)}
          error={errors[name]}
          onChange={(v) => onChange(patchWithPruning(attributes, annotated, name, v))}
        />
      ))}
    </section>
  );
}

/**
 * The patch for one answer, plus `undefined` for every attribute the answer switches off on all
 * the selected objects (answering "parked: Yes" drops "heading"), so the one setAttributes
 * command leaves no value whose conditions no longer hold.
 */
function patchWithPruning(
  defs: AttributesPanelProps["attributes"],
  objects: readonly AttributedObject[],
  name: string,
  value: AttributeValue | undefined,
): Record<string, AttributeValue | undefined> {
  const patch: Record<string, AttributeValue | undefined> = { [name]: value };
  const droppedByAll = objects
    .map((o) => {
      const after = applyAttributePatch(defs, o, patch) ?? {};
      return new Set(Object.keys(o.attributes ?? {}).filter((k) => k !== name && !(k in after)));
    })
    .reduce((a, b) => new Set([...a].filter((k) => b.has(k))));
  for (const k of droppedByAll) patch[k] = undefined;
  return patch;
}

interface FieldProps<A extends AnnotationAttribute> {
  name: string;
  attr: A;
  value: SharedValue;
  missing: boolean;
  error: string | undefined;
  onChange(value: AttributeValue | undefined): void;
}

function AttributeField(props: FieldProps<AnnotationAttribute>) {
  const { attr } = props;
  if (attr.type === "category") return <CategoryField {...props} attr={attr} />;
  if (attr.type === "number") return <NumberField {...props} attr={attr} />;
  return <AngleField {...props} attr={attr} />;
}

function Field({ id, attr, missing, error, children, group }: { id: string; attr: AnnotationAttribute; missing: boolean; error?: string; children: ReactNode; group?: boolean }) {
  const label = (
    <>
      {attr.description}
      {missing && <span className={css.required}>required</span>}
    </>
  );
  return (
    <div className={`${css.field} ${missing ? css.missing : ""}`} role={group ? "group" : undefined} aria-labelledby={group ? `${id}-label` : undefined} data-attribute={id}>
      {group ? (
        <span id={`${id}-label`} className={css.fieldLabel}>
          {label}
        </span>
      ) : (
        <label htmlFor={id} className={css.fieldLabel}>
          {label}
        </label>
      )}
      {children}
      {error && (
        <span className={css.fieldError} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Few flat choices: one button each (radio group); many or nested: a select with paths. */
function CategoryField({ name, attr, value, missing, error, onChange }: FieldProps<CategoryAttribute>) {
  const id = useId() + name;
  const leaves = leafRows(labelRows(attr.choices, ""));
  const flat = leaves.every((l) => l.path.length === 0);
  const current = value.kind === "same" ? value.value : undefined;
  if (flat && leaves.length <= 6) {
    return (
      <Field id={id} attr={attr} missing={missing} error={error} group>
        <div className={css.choices} role="radiogroup" aria-labelledby={`${id}-label`}>
          {leaves.map((l) => (
            <button
              key={l.name}
              type="button"
              role="radio"
              aria-checked={current === l.name}
              className={css.choice}
              onClick={() => onChange(l.name)}
            >
              {l.name}
            </button>
          ))}
        </div>
        {value.kind === "mixed" && <span className={css.mixed}>mixed values</span>}
      </Field>
    );
  }
  return (
    <Field id={id} attr={attr} missing={missing} error={error}>
      <select id={id} className={css.select} value={typeof current === "string" ? current : ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{value.kind === "mixed" ? "— mixed —" : "— choose —"}</option>
        {leaves.map((l) => (
          <option key={l.name} value={l.name}>
            {[...l.path, l.name].join(" › ")}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A number typed as text and committed on Enter or leaving the field (one history entry per
 * answer, not per keystroke); Esc puts the saved value back.
 */
function useDraftNumber(value: SharedValue, onChange: (v: AttributeValue | undefined) => void, normalize: (n: number) => number = (n) => n) {
  const saved = value.kind === "same" && typeof value.value === "number" ? String(value.value) : "";
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const commit = (t = text) => {
    if (t.trim() === "") {
      if (saved !== "") onChange(undefined);
      return;
    }
    const parsed = parseNumberInput(t);
    if (parsed === null) return;
    const n = normalize(parsed);
    if (String(n) !== t) setText(String(n));
    if (String(n) !== saved) onChange(n);
  };
  const invalid = text.trim() !== "" && parseNumberInput(text) === null;
  return { text, setText, commit, saved, invalid };
}

function NumberField({ name, attr, value, missing, error, onChange }: FieldProps<NumberAttribute>) {
  const id = useId() + name;
  const n = useDraftNumber(value, onChange);
  const range = attr.min !== undefined || attr.max !== undefined ? `${attr.min ?? "−∞"} – ${attr.max ?? "∞"}` : null;
  return (
    <Field id={id} attr={attr} missing={missing} error={n.invalid ? "not a number" : error}>
      <div className={css.numberRow}>
        <input
          id={id}
          className={css.number}
          type="number"
          inputMode="decimal"
          min={attr.min}
          max={attr.max}
          step="any"
          value={n.text}
          placeholder={value.kind === "mixed" ? "mixed" : undefined}
          aria-invalid={Boolean(n.invalid || error)}
          onChange={(e) => {
            n.setText(e.target.value);
            // The spinner arrows and arrow keys change the value without typing: commit those.
            const native = e.nativeEvent as InputEvent;
            if (!native.inputType) n.commit(e.target.value);
          }}
          onBlur={() => n.commit()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Enter") n.commit();
            if (e.key === "Escape") n.setText(n.saved);
          }}
        />
        {range && <span className={css.muted}>{range}</span>}
      </div>
    </Field>
  );
}

function AngleField({ name, attr, value, missing, error, onChange }: FieldProps<Extract<AnnotationAttribute, { type: "angle" }>>) {
  const id = useId() + name;
  // Angles wrap: 360 is 0, -90 is 270, typed or dragged.
  const n = useDraftNumber(value, onChange, normalizeAngle);
  const shown = parseNumberInput(n.text);
  return (
    <Field id={id} attr={attr} missing={missing} error={n.invalid ? "not a number" : error}>
      <div className={css.numberRow}>
        <AngleDial
          value={shown}
          label={attr.description}
          onPreview={(deg) => n.setText(String(deg))}
          onCommit={(deg) => {
            n.setText(String(deg));
            n.commit(String(deg));
          }}
        />
        <input
          id={id}
          className={css.number}
          type="number"
          inputMode="decimal"
          min={0}
          max={359.9}
          step="any"
          value={n.text}
          placeholder={value.kind === "mixed" ? "mixed" : "0–360"}
          aria-invalid={Boolean(n.invalid || error)}
          onChange={(e) => {
            n.setText(e.target.value);
            if (!(e.nativeEvent as InputEvent).inputType) n.commit(e.target.value);
          }}
          onBlur={() => n.commit()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Enter") n.commit();
            if (e.key === "Escape") n.setText(n.saved);
          }}
        />
        <span className={css.muted}>°</span>
      </div>
    </Field>
  );
}
