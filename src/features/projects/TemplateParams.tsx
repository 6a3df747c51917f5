// A project version as a template: the params (other than the instruction, which is appended)
// that every task created under it inherits unless it sets them itself. Each is shown with the
// docs' title beside its wire name, lists as lists and structures as JSON.
import type { TaskType } from "../../schema";
import { fieldHelp } from "../../schema/help";
import styles from "./projects.module.css";

const NOT_TEMPLATE = new Set(["instruction", "version", "created_at"]);

/** The params of a history entry that tasks inherit as defaults. */
export function templateOf(entry: Record<string, unknown> | undefined): [string, unknown][] {
  return Object.entries(entry ?? {})
    .filter(([key]) => !NOT_TEMPLATE.has(key))
    .sort(([a], [b]) => a.localeCompare(b));
}

function isFlatList(v: unknown): v is (string | number | boolean)[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean");
}

type Label = string | { choice: string; subchoices: Label[] };
function isLabelTree(v: unknown): v is Label[] {
  const isLabel = (x: unknown): x is Label =>
    typeof x === "string" ||
    (typeof x === "object" && x !== null && typeof (x as { choice?: unknown }).choice === "string" && Array.isArray((x as { subchoices?: unknown }).subchoices) && (x as { subchoices: unknown[] }).subchoices.every(isLabel));
  return Array.isArray(v) && v.length > 0 && v.every(isLabel);
}
/** Nested labels as people read them: `car, person (adult, child)`. */
function labelText(labels: Label[]): string {
  return labels.map((l) => (typeof l === "string" ? l : `${l.choice} (${labelText(l.subchoices)})`)).join(", ");
}

function Value({ value }: { value: unknown }) {
  if (typeof value === "string") return <span className={styles.templateText}>{value}</span>;
  if (typeof value === "number" || typeof value === "boolean" || value === null) return <code>{String(value)}</code>;
  if (isLabelTree(value)) return <span>{labelText(value)}</span>;
  if (isFlatList(value)) {
    return value.length === 0 ? <span className="faint">(empty list)</span> : <span>{value.map(String).join(", ")}</span>;
  }
  return <pre className={styles.templateJson}>{JSON.stringify(value, null, 2)}</pre>;
}

export function TemplateParams({ type, entry }: { type: TaskType; entry: Record<string, unknown> | undefined }) {
  const params = templateOf(entry);
  if (params.length === 0) {
    return <p className="muted">No template params: tasks inherit only the instruction.</p>;
  }
  return (
    <dl className={`kv ${styles.template}`} aria-label="Template params">
      {params.map(([key, value]) => (
        <div key={key} className={styles.templateRow}>
          <dt>
            {fieldHelp(type, key).title} <code>{key}</code>
          </dt>
          <dd>
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
