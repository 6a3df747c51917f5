// Readable rendering of JSON-ish values: labels as chips (nested labels as "parent › child"),
// string dictionaries as two-column tables, scalars as text, anything else as compact JSON.
import type { ReactNode } from "react";
import styles from "./detail.module.css";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Flattens nested label choices ({choice, subchoices}) into paths. */
function labelPaths(value: unknown, prefix = ""): string[] | null {
  if (typeof value === "string") return [prefix + value];
  if (isRecord(value) && typeof value.choice === "string" && Array.isArray(value.subchoices)) {
    const out: string[] = [];
    for (const sub of value.subchoices) {
      const paths = labelPaths(sub, `${prefix}${value.choice} › `);
      if (!paths) return null;
      out.push(...paths);
    }
    return out;
  }
  return null;
}

export function Chips({ items }: { items: readonly string[] }) {
  return (
    <span className={styles.chips}>
      {items.map((item, i) => (
        <span key={`${i}-${item}`} className={styles.chip}>
          {item}
        </span>
      ))}
    </span>
  );
}

export function ValueView({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <span className="faint">—</span>;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return <span className={styles.pre}>{value}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="faint">none</span>;
    const paths = value.map((v) => labelPaths(v));
    if (paths.every((p): p is string[] => p !== null)) return <Chips items={paths.flat()} />;
  }
  if (isRecord(value) && Object.keys(value).length > 0 && Object.values(value).every((v) => typeof v === "string" || typeof v === "number")) {
    return (
      <table className={`table ${styles.dictTable}`}>
        <tbody>
          {Object.entries(value).map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="mono">
                {k}
              </th>
              <td>{String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
  return (
    <pre className={styles.inlineJson} tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** A definition list of an object's fields, in the given order first. */
export function FieldList({ data, order = [], skip = [] }: { data: Record<string, unknown>; order?: readonly string[]; skip?: readonly string[] }) {
  const keys = [...order.filter((k) => k in data), ...Object.keys(data).filter((k) => !order.includes(k))].filter(
    (k) => !skip.includes(k),
  );
  if (keys.length === 0) return <p className="faint">Nothing else.</p>;
  return (
    <dl className="kv">
      {keys.map((k) => (
        <div key={k} style={{ display: "contents" }}>
          <dt className="mono">{k}</dt>
          <dd>
            <ValueView value={data[k]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
