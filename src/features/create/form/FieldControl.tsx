// One generic control per zod kind (see walk.ts). Nothing here knows a field by name: named
// widgets (labels, attachment, layers, …) are chosen by the override map in widgets.tsx.
import { useEffect, useId, useState, type ReactNode } from "react";
import type { FieldSpec } from "./walk";
import { useCreateForm } from "./context";
import css from "../create.module.css";

export interface ControlProps {
  spec: FieldSpec;
  value: unknown;
  onChange(value: unknown): void;
  /** The id the control's label points at, and the id of its error/help text. */
  id: string;
  describedBy?: string;
  /** The accessible name (title and wire name) for controls that can't use the <label>. */
  label: string;
}

/** The wire path as an API user writes it: `camera_intrinsics.fx`. */
export function wirePath(spec: FieldSpec): string {
  return spec.path.filter((p) => p !== "[]" && p !== "{}").join(".");
}

export function defaultText(spec: FieldSpec): string | null {
  if (spec.defaultValue === undefined) return null;
  if (spec.defaultValue === null) return spec.kind === "integer" ? "no limit" : "none";
  if (typeof spec.defaultValue === "object") return JSON.stringify(spec.defaultValue);
  return String(spec.defaultValue);
}

export function GenericControl(props: ControlProps): ReactNode {
  const { spec } = props;
  switch (spec.kind) {
    case "string":
      return <TextControl {...props} />;
    case "number":
    case "integer":
      return <NumberControl {...props} />;
    case "boolean":
      return <BooleanControl {...props} />;
    case "enum":
      return <EnumControl {...props} />;
    case "stringArray":
    case "labelTree":
      return <LinesControl {...props} />;
    case "object":
      return <ObjectControl {...props} />;
    case "record":
      return <RecordControl {...props} />;
    case "objectArray":
      return <ObjectArrayControl {...props} />;
    default:
      return <JsonControl {...props} />;
  }
}

function TextControl({ spec, value, onChange, id, describedBy }: ControlProps) {
  const text = typeof value === "string" ? value : "";
  const long = (spec.max ?? 0) > 1000;
  const common = {
    id,
    "aria-describedby": describedBy,
    "aria-required": spec.required || undefined,
    value: text,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value === "" ? undefined : e.target.value),
  };
  return long ? <textarea className="textarea" rows={4} {...common} /> : <input className="input" type="text" {...common} />;
}

function NumberControl({ spec, value, onChange, id, describedBy }: ControlProps) {
  const text = value === undefined || value === null ? "" : String(value);
  return (
    <input
      id={id}
      className={`input ${css.number}`}
      type="number"
      inputMode={spec.kind === "integer" ? "numeric" : "decimal"}
      step={spec.kind === "integer" ? 1 : "any"}
      min={spec.min}
      max={spec.max}
      placeholder={defaultText(spec) ?? undefined}
      aria-describedby={describedBy}
      aria-required={spec.required || undefined}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        if (raw === "") return onChange(undefined);
        const n = Number(raw);
        onChange(Number.isFinite(n) ? n : raw);
      }}
    />
  );
}

function BooleanControl({ spec, value, onChange, id, describedBy }: ControlProps) {
  const checked = typeof value === "boolean" ? value : spec.defaultValue === true;
  return (
    <input
      id={id}
      type="checkbox"
      className={css.checkbox}
      aria-describedby={describedBy}
      checked={checked}
      onChange={(e) => onChange(e.target.checked === (spec.defaultValue === true) && value === undefined ? undefined : e.target.checked)}
    />
  );
}

function EnumControl({ spec, value, onChange, id, describedBy }: ControlProps) {
  const options = spec.options ?? [];
  const fallback = defaultText(spec);
  return (
    <select
      id={id}
      className="select"
      aria-describedby={describedBy}
      aria-required={spec.required || undefined}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
    >
      <option value="">{fallback !== null ? `Default (${fallback})` : spec.required ? "Choose…" : "Not set"}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

/** A list of strings, one per line. The text is kept as typed, so a blank line being typed isn't lost. */
function LinesControl({ spec, value, onChange, id, describedBy }: ControlProps) {
  const fromValue = Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join("\n") : "";
  const [text, setText] = useState(fromValue);
  return (
    <textarea
      id={id}
      className="textarea"
      rows={Math.min(8, Math.max(3, text.split("\n").length + 1))}
      placeholder="One per line"
      aria-describedby={describedBy}
      aria-required={spec.required || undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const lines = e.target.value.split("\n").filter((l) => l.trim() !== "");
        onChange(lines.length === 0 ? undefined : lines);
      }}
    />
  );
}

/** Child fields of an object; an optional object is switched on first, so leaving it off sends nothing. */
function ObjectControl({ spec, value, onChange, id, describedBy, label }: ControlProps) {
  const obj = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const on = obj !== undefined || spec.required;
  return (
    <div className={css.objectControl}>
      {!spec.required && (
        <label className={css.inline}>
          <input id={id} type="checkbox" aria-describedby={describedBy} checked={on} onChange={(e) => onChange(e.target.checked ? {} : undefined)} />
          Give {label}
        </label>
      )}
      {on && (
        <div className={css.children}>
          {(spec.children ?? []).map((child) => (
            <SubField
              key={child.name}
              spec={child}
              value={obj?.[child.name]}
              onChange={(v) => {
                const next = { ...(obj ?? {}) };
                if (v === undefined) delete next[child.name];
                else next[child.name] = v;
                onChange(next);
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** A labelled control for a part of a composite value (an object's field, a record's entry value). */
export function SubField({ spec, value, onChange }: { spec: FieldSpec; value: unknown; onChange(v: unknown): void }) {
  const id = useId();
  const wire = wirePath(spec);
  const label = `${spec.title} ${wire}`;
  return (
    <div className={css.subField}>
      <label htmlFor={id} className={css.subLabel}>
        <code>{wire}</code>
        {spec.required ? <span className={css.req} aria-hidden="true">*</span> : <span className="faint"> optional{defaultText(spec) !== null ? `, default ${defaultText(spec)}` : ""}</span>}
      </label>
      <GenericControl spec={spec} value={value} onChange={onChange} id={id} label={label} />
    </div>
  );
}

type Row = { key: string; value: unknown };

/** Key/value rows for a dictionary (`fields`, `category_ids`, `repeatable_fields`). Rows without a key stay on screen only. */
function RecordControl({ spec, value, onChange, describedBy, label }: ControlProps) {
  const item = spec.item;
  const objectVariant = item?.kind === "union" ? item.variants?.find((v) => v.kind === "object") : item?.kind === "object" ? item : undefined;
  const initial: Row[] = value && typeof value === "object" ? Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: v })) : [];
  const [rows, setRows] = useState<Row[]>(initial.length ? initial : [{ key: "", value: undefined }]);
  const emit = (next: Row[]) => {
    setRows(next);
    const out: Record<string, unknown> = {};
    for (const r of next) if (r.key !== "") out[r.key] = r.value ?? (objectVariant ? {} : "");
    onChange(Object.keys(out).length === 0 ? undefined : out);
  };
  const wire = wirePath(spec);
  return (
    <div className={css.rows} role="group" aria-label={label} aria-describedby={describedBy}>
      {rows.map((row, i) => (
        <div key={i} className={css.row}>
          <input className="input" aria-label={`${wire} key ${i + 1}`} placeholder="key" value={row.key} onChange={(e) => emit(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))} />
          {objectVariant ? (
            <div className={css.rowObject}>
              {(objectVariant.children ?? []).map((child) => (
                <RowPart
                  key={child.name}
                  wire={`${wire}.${row.key || `key ${i + 1}`}.${child.name}`}
                  spec={child}
                  value={normalizeVariant(row.value)[child.name]}
                  onChange={(v) => {
                    const cur = { ...normalizeVariant(row.value) };
                    if (v === undefined) delete cur[child.name];
                    else cur[child.name] = v;
                    emit(rows.map((r, j) => (j === i ? { ...r, value: cur } : r)));
                  }}
                />
              ))}
            </div>
          ) : (
            <input
              className="input"
              aria-label={`${wire} value ${i + 1}`}
              placeholder="value"
              value={typeof row.value === "string" ? row.value : ""}
              onChange={(e) => emit(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
            />
          )}
          <button type="button" className="btn btn-sm btn-ghost" aria-label={`Remove ${wire} entry ${i + 1}`} onClick={() => emit(rows.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => setRows([...rows, { key: "", value: undefined }])}>
        Add {wire} entry
      </button>
    </div>
  );
}

/** A repeatable field written as a plain description is the `{description}` object. */
function normalizeVariant(v: unknown): Record<string, unknown> {
  if (typeof v === "string") return { description: v };
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

function RowPart({ wire, spec, value, onChange }: { wire: string; spec: FieldSpec; value: unknown; onChange(v: unknown): void }) {
  const id = useId();
  return (
    <div className={css.rowPart}>
      <label htmlFor={id} className="visually-hidden">
        {wire}
      </label>
      <GenericControl spec={spec} value={value} onChange={onChange} id={id} label={wire} />
      <span className="faint">{spec.name}</span>
    </div>
  );
}

/** A list of objects (e.g. `examples`): each item's fields, with add and remove. */
function ObjectArrayControl({ spec, value, onChange, label }: ControlProps) {
  const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const item = spec.item;
  const wire = wirePath(spec);
  return (
    <div className={css.rows} role="group" aria-label={label}>
      {items.map((obj, i) => (
        <div key={i} className={css.arrayItem}>
          {(item?.children ?? []).map((child) => (
            <RowPart
              key={child.name}
              wire={`${wire}[${i}].${child.name}`}
              spec={child}
              value={obj?.[child.name]}
              onChange={(v) => {
                const next = items.map((o, j) => {
                  if (j !== i) return o;
                  const copy = { ...o };
                  if (v === undefined) delete copy[child.name];
                  else copy[child.name] = v;
                  return copy;
                });
                onChange(next);
              }}
            />
          ))}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange(items.length > 1 ? items.filter((_, j) => j !== i) : undefined)}>
            Remove {wire}[{i}]
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => onChange([...items, {}])}>
        Add to {wire}
      </button>
    </div>
  );
}

/** Anything without a dedicated control is edited as JSON; text that isn't JSON yet is an open error. */
export function JsonControl({ value, onChange, id, describedBy, spec }: ControlProps) {
  const { setLocalError } = useCreateForm();
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value, null, 2));
  const key = `json:${wirePath(spec)}`;
  useEffect(() => () => setLocalError(key, null), [key, setLocalError]);
  return (
    <textarea
      id={id}
      className={`textarea mono ${css.json}`}
      rows={5}
      aria-describedby={describedBy}
      value={text}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === "") {
          setLocalError(key, null);
          return onChange(undefined);
        }
        try {
          onChange(JSON.parse(e.target.value));
          setLocalError(key, null);
        } catch (err) {
          setLocalError(key, `${wirePath(spec)}: not valid JSON (${(err as Error).message})`);
        }
      }}
    />
  );
}
