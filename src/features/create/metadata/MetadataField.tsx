// metadata: key/value rows for the usual case (string values), or the JSON itself for anything
// richer. Values that aren't strings force the JSON view, so nothing is flattened on the way.
import { useEffect, useState } from "react";
import type { WidgetProps } from "../form/Field";
import { useCreateForm } from "../form/context";
import css from "../create.module.css";

type Row = { key: string; value: string };

function isFlat(v: unknown): boolean {
  return v === undefined || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string"));
}

export function MetadataField({ value, onChange, id, describedBy }: WidgetProps) {
  const { setLocalError } = useCreateForm();
  const [json, setJson] = useState(!isFlat(value));
  const [rows, setRows] = useState<Row[]>(() => Object.entries((value as Record<string, string>) ?? {}).map(([key, v]) => ({ key, value: String(v) })));
  const [text, setText] = useState(() => JSON.stringify(value ?? {}, null, 2));
  useEffect(() => () => setLocalError("metadata", null), [setLocalError]);

  const emitRows = (next: Row[]) => {
    setRows(next);
    const out: Record<string, string> = {};
    for (const r of next) if (r.key !== "") out[r.key] = r.value;
    onChange(Object.keys(out).length ? out : undefined);
  };
  const toJson = () => {
    setText(JSON.stringify(value ?? {}, null, 2));
    setJson(true);
  };
  const toRows = () => {
    setRows(Object.entries((value as Record<string, string>) ?? {}).map(([key, v]) => ({ key, value: String(v) })));
    setJson(false);
  };

  return (
    <div className={css.rows}>
      <label className={css.inline}>
        <input type="checkbox" checked={json} disabled={json && !isFlat(value)} onChange={(e) => (e.target.checked ? toJson() : toRows())} /> Edit metadata as JSON
      </label>
      {json ? (
        <textarea
          id={id}
          aria-label="Metadata metadata JSON"
          aria-describedby={describedBy}
          className={`textarea mono ${css.json}`}
          rows={6}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value.trim()) {
              setLocalError("metadata", null);
              return onChange(undefined);
            }
            try {
              const parsed: unknown = JSON.parse(e.target.value);
              onChange(parsed);
              setLocalError("metadata", null);
            } catch (err) {
              setLocalError("metadata", `metadata: not valid JSON (${(err as Error).message})`);
            }
          }}
        />
      ) : (
        <>
          {rows.map((row, i) => (
            <div key={i} className={css.row}>
              <input className="input" aria-label={`metadata key ${i + 1}`} placeholder="key" value={row.key} onChange={(e) => emitRows(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))} />
              <input className="input" aria-label={`metadata value ${i + 1}`} placeholder="value" value={row.value} onChange={(e) => emitRows(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))} />
              <button type="button" className="btn btn-sm btn-ghost" aria-label={`Remove metadata entry ${i + 1}`} onClick={() => emitRows(rows.filter((_, j) => j !== i))}>
                ✕
              </button>
            </div>
          ))}
          <button id={rows.length === 0 ? id : undefined} type="button" className="btn btn-sm" onClick={() => setRows([...rows, { key: "", value: "" }])}>
            Add metadata entry
          </button>
        </>
      )}
    </div>
  );
}
