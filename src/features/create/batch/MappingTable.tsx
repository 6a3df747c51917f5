// One row per column of the file: a sample value and where it goes in the create body.
import { memo } from "react";
import type { FieldSpec } from "../form/walk";
import { parseTargetKey, targetKey, type ColumnMapping } from "./mapping";
import type { RawRow } from "./parse";
import css from "./batch.module.css";

interface Props {
  mapping: readonly ColumnMapping[];
  fields: readonly FieldSpec[];
  sample: RawRow | undefined;
  disabled: boolean;
  onChange(next: ColumnMapping[]): void;
}

function sampleText(v: unknown, max = 80): string {
  if (v === undefined || v === null || v === "") return "(empty)";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export const MappingTable = memo(function MappingTable({ mapping, fields, sample, disabled, onChange }: Props) {
  const set = (index: number, key: string) => onChange(mapping.map((m, i) => (i === index ? { ...m, target: parseTargetKey(key) } : m)));
  return (
    <table className={`table ${css.mapping}`} aria-label="Column mapping">
      <thead>
        <tr>
          <th scope="col">Column in the file (first row)</th>
          <th scope="col">Goes to</th>
        </tr>
      </thead>
      <tbody>
        {mapping.map((m, i) => (
          <tr key={m.column}>
            <td>
              <code className={css.columnName}>{m.column}</code>
              <span className={css.sample} title={sampleText(sample?.[m.column], Infinity)}>
                {sampleText(sample?.[m.column])}
              </span>
            </td>
            <td>
              <select
                className="select"
                aria-label={`Column ${m.column} goes to`}
                value={targetKey(m.target)}
                disabled={disabled}
                onChange={(e) => set(i, e.target.value)}
              >
                <option value="ignore">(ignore this column)</option>
                <option value={`metadata:${m.column}`}>metadata.{m.column}</option>
                {m.target.kind === "metadata" && m.target.key !== m.column && (
                  <option value={targetKey(m.target)}>metadata.{m.target.key}</option>
                )}
                <optgroup label="Fields of the task">
                  {fields.map((f) => (
                    <option key={f.name} value={`field:${f.name}`}>
                      {f.name} — {f.title}
                    </option>
                  ))}
                </optgroup>
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
